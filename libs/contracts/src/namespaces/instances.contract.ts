/** instances.*: the running processes of every app. */
import type { CallerPayload } from '../common/types';
import { definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const InstancesPattern = definePatterns({
  Get: { pattern: 'instances.get', service: USERS_ROOMS_SERVICE },
});

/** One running process, in the shape of Rocket.Chat's instances.get (one entry per server instance there). */
export interface InstanceInfo {
  address: string;
  currentStatus: { connected: boolean; lastHeartbeatTime: number; local: boolean };
  instanceRecord: {
    _id: string;
    _createdAt: string;
    _updatedAt: string;
    /** the app: `gateway`, `users-rooms`, `chat`, `livechat`, `integrations` */
    name: string;
    pid: number;
    extraInformation: {
      host: string;
      nodeVersion: string;
      /** requests the replica holds unacknowledged (services) */
      pending?: number;
      os: { type: string; platform: string; arch: string; release: string; totalmem: number; cpus: number };
    };
  };
  broadcastAuth: boolean;
}

declare module '../registry' {
  interface RcContract {
    [InstancesPattern.Get]: { payload: CallerPayload; result: { instances: InstanceInfo[] } };
  }
}
