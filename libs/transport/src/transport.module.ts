import { APP_ENV, SharedEnv } from '@app/config';
import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { EventBus } from './event-bus';
import { RpcClient } from './rpc.client';

/** A general-purpose ioredis connection on REDIS_URL (counters, markers, caches shared by replicas). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

@Injectable()
class TransportLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(EventBus) private readonly events: EventBus,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.rpc.close(), this.events.close(), this.redis.quit()]);
  }
}

/** Provides the typed `RpcClient` (calls to other services) and the `EventBus` (pub/sub domain events). */
@Global()
@Module({})
export class TransportModule {
  static forRoot(name: string): DynamicModule {
    return {
      module: TransportModule,
      providers: [
        {
          provide: RpcClient,
          inject: [APP_ENV],
          useFactory: async (env: SharedEnv) => {
            const rpc = new RpcClient({
              redisUrl: env.REDIS_URL,
              prefix: env.RC_REDIS_PREFIX,
              timeoutMs: env.RPC_TIMEOUT_MS,
              maxLen: env.RPC_STREAM_MAXLEN,
              name: `${name}:${env.RPC_CONSUMER_NAME}`,
            });
            await rpc.connect();
            return rpc;
          },
        },
        {
          provide: EventBus,
          inject: [APP_ENV],
          useFactory: (env: SharedEnv) => new EventBus(env.REDIS_URL, env.RC_REDIS_PREFIX),
        },
        {
          provide: REDIS_CLIENT,
          inject: [APP_ENV],
          useFactory: (env: SharedEnv) => {
            const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3, connectionName: `${name}:shared` });
            redis.on('error', () => undefined);
            return redis;
          },
        },
        TransportLifecycle,
      ],
      exports: [RpcClient, EventBus, REDIS_CLIENT],
    };
  }
}
