import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_ENV, UsersRoomsEnv } from '@app/config';
import { InstanceInfo, SERVICES } from '@app/contracts';
import { REDIS_CLIENT, runningInstances } from '@app/transport';

/**
 * instances.get (the route asks `view-statistics`): every running process of every app, from the transport's
 * registry: service replicas as their stream groups list them (`XINFO CONSUMERS`), every process while its
 * reply channel has its subscriber. Each appears in the shape of a Rocket.Chat instance.
 */
@Injectable()
export class InstancesService {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_ENV) private readonly env: UsersRoomsEnv,
  ) {}

  async list(): Promise<{ instances: InstanceInfo[] }> {
    const running = await runningInstances(this.redis, this.env.RC_REDIS_PREFIX, SERVICES);
    // seen running (its connection alive) at this moment
    const checkedAt = Date.now();
    return {
      instances: running.map((r) => ({
        address: r.host,
        currentStatus: {
          connected: true,
          lastHeartbeatTime: checkedAt,
          local: r.consumer === this.env.RPC_CONSUMER_NAME && r.app === 'users-rooms',
        },
        instanceRecord: {
          _id: r.consumer,
          _createdAt: r.startedAt,
          _updatedAt: r.startedAt,
          name: r.app,
          pid: r.pid,
          extraInformation: {
            host: r.host,
            nodeVersion: r.nodeVersion,
            ...(r.pending !== undefined ? { pending: r.pending, idle: r.idleMs } : {}),
            os: r.os,
          },
        },
        broadcastAuth: true,
      })),
    };
  }
}
