import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import Redis from 'ioredis';
import { AuthGuard, PermissionsClientModule, TokenResolver } from '@app/auth';
import { APP_ENV, GatewayEnv } from '@app/config';
import { EnvelopeExceptionFilter } from '@app/envelope';
import { SettingsClientModule } from '@app/settings';
import { StorageModule } from '@app/storage';
import { RateLimitPolicy, RcThrottlerGuard, RedisThrottlerStorage } from '@app/throttling';
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
    PermissionsClientModule,
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
    AuthCacheService,
    { provide: TokenResolver, useExisting: AuthCacheService },
    { provide: RateLimitPolicy, useClass: RcRateLimitPolicy },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RcThrottlerGuard },
    {
      provide: APP_FILTER,
      inject: [APP_ENV],
      useFactory: (env: GatewayEnv) => new EnvelopeExceptionFilter(env.TEST_MODE),
    },
  ],
  exports: [PagingParser, TokenResolver],
})
export class PlatformModule {}
