import { Global, Module, OnModuleInit } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import Redis from 'ioredis';
import { AuthGuard, PermissionStore, TokenResolver } from '@app/auth';
import { APP_ENV, GatewayEnv } from '@app/config';
import { RcEvent, UsersRoomsPattern } from '@app/contracts';
import { EnvelopeExceptionFilter, EnvelopeInterceptor } from '@app/envelope';
import { RateLimitPolicy, RcThrottlerGuard, RedisThrottlerStorage } from '@app/throttling';
import { EventBus, RpcClient } from '@app/transport';
import { AuthCacheService } from './auth-cache.service';
import { GatewaySettingsService } from './gateway-settings.service';
import { PagingParser } from './paging.parser';
import { RcRateLimitPolicy } from './rate-limit.policy';
import { rcValidationPipe } from './validation';

export const THROTTLER_REDIS = Symbol('THROTTLER_REDIS');

/**
 * Everything every gateway route goes through, registered once: auth guard, rate limiter (Redis counters),
 * validation, success envelope and the error map.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_ENV],
      useFactory: (env: GatewayEnv) => {
        const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, connectionName: 'gateway:ratelimit' });
        redis.on('error', () => undefined);
        return {
          throttlers: [{ name: 'api', ttl: 60000, limit: 10 }],
          storage: new RedisThrottlerStorage(redis, `${env.RC_REDIS_PREFIX}:ratelimit`),
        };
      },
    }),
  ],
  providers: [
    GatewaySettingsService,
    PagingParser,
    {
      provide: PermissionStore,
      inject: [RpcClient],
      useFactory: (rpc: RpcClient) => new PermissionStore(() => rpc.send(UsersRoomsPattern.PermissionsAll, {})),
    },
    AuthCacheService,
    { provide: TokenResolver, useExisting: AuthCacheService },
    { provide: RateLimitPolicy, useClass: RcRateLimitPolicy },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RcThrottlerGuard },
    { provide: APP_PIPE, useFactory: rcValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
    {
      provide: APP_FILTER,
      inject: [APP_ENV],
      useFactory: (env: GatewayEnv) => new EnvelopeExceptionFilter(env.TEST_MODE),
    },
  ],
  exports: [GatewaySettingsService, PagingParser, PermissionStore],
})
export class CoreModule implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly permissions: PermissionStore,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.events.subscribe((event) => {
      if (event === RcEvent.PermissionsChanged) {
        this.permissions.invalidate();
      }
    });
  }
}
