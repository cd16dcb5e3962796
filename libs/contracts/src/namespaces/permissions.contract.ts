/** permissions.* */
import type { CallerPayload, RawBodyPayload } from '../common/types';
import type { IPermission } from '../documents';
import { definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const PermissionsPattern = definePatterns({
  ListAll: { pattern: 'permissions.listAll', service: USERS_ROOMS_SERVICE },
  Update: { pattern: 'permissions.update', service: USERS_ROOMS_SERVICE },
});

export interface PermissionsListAllPayload extends CallerPayload {
  updatedSince?: string;
}

declare module '../registry' {
  interface RcContract {
    [PermissionsPattern.ListAll]: {
      payload: PermissionsListAllPayload;
      result: { update: IPermission[]; remove: IPermission[] };
    };
    [PermissionsPattern.Update]: { payload: RawBodyPayload; result: { permissions: IPermission[] } };
  }
}
