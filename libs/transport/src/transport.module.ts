import { APP_ENV, SharedEnv } from '@app/config';
import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import Redis from 'ioredis';
import { EventBus } from './event-bus';
import { instanceRecord, registerInstance, unregisterInstance } from './instances';
import { RpcClient } from './rpc.client';

/** A general-purpose ioredis connection on REDIS_URL (counters, markers, caches shared by replicas). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/** The name this process runs as (`gateway`, `users-rooms`, ...). */
export const APP_NAME = Symbol('APP_NAME');

/**
 * Registers the process in the instance registry once it runs (instances.get), and on shutdown leaves it and
 * closes the transport's connections.
 */
@Injectable()
class TransportLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Transport');

  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(EventBus) private readonly events: EventBus,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_NAME) private readonly app: string,
    @Inject(APP_ENV) private readonly env: SharedEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // the reply channel's subscription is the registry's sign of life: open it now, not on the first call
    await this.rpc.connect().catch((err: Error) => this.logger.warn(`reply channel not open yet: ${err.message}`));
    const record = instanceRecord(this.app, this.env.RPC_CONSUMER_NAME, this.rpc.replyChannel);
    await registerInstance(this.redis, this.env.RC_REDIS_PREFIX, record).catch((err: Error) =>
      this.logger.warn(`not in the instance registry: ${err.message}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await unregisterInstance(this.redis, this.env.RC_REDIS_PREFIX, this.app, this.env.RPC_CONSUMER_NAME).catch(
      () => undefined,
    );
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
        { provide: APP_NAME, useValue: name },
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
