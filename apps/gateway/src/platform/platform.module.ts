import { Global, Module, OnModuleInit } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import Redis from 'ioredis';
import { AuthGuard, PermissionStore, TokenResolver } from '@app/auth';
import { APP_ENV, GatewayEnv } from '@app/config';
import { InternalPattern, RcEvent } from '@app/contracts';
import { EnvelopeExceptionFilter, EnvelopeInterceptor } from '@app/envelope';
import { SettingsClientModule } from '@app/settings';
import { StorageModule } from '@app/storage';
import { RateLimitPolicy, RcThrottlerGuard, RedisThrottlerStorage } from '@app/throttling';
import { EventBus, RpcClient } from '@app/transport';
import { AuthCacheService } from './auth-cache.service';
import { PagingParser } from './paging.parser';
import { RcRateLimitPolicy } from './rate-limit.policy';

/**
 * Everything every gateway route goes through, registered once: the auth guard (with route permissions), the
 * rate limiter (Redis counters), the success envelope and the error map; plus what routes share: settings,
 * paging, file storage. Parameters are validated per route by the schemas of `@app/validation`.
 */
@Global()
@Module({
  imports: [
    SettingsClientModule,
    StorageModule,
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
    PagingParser,
    {
      provide: PermissionStore,
      inject: [RpcClient],
      useFactory: (rpc: RpcClient) => new PermissionStore(() => rpc.send(InternalPattern.PermissionsAll, {})),
    },
    AuthCacheService,
    { provide: TokenResolver, useExisting: AuthCacheService },
    { provide: RateLimitPolicy, useClass: RcRateLimitPolicy },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RcThrottlerGuard },
    { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
    {
      provide: APP_FILTER,
      inject: [APP_ENV],
      useFactory: (env: GatewayEnv) => new EnvelopeExceptionFilter(env.TEST_MODE),
    },
  ],
  exports: [PagingParser, PermissionStore],
})
export class PlatformModule implements OnModuleInit {
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
