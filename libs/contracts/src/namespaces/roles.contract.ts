/** roles.* */
import type { CallerPayload, RawBodyPayload } from '../common/types';
import type { IRole, UserView } from '../documents';
import { definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const RolesPattern = definePatterns({
  Create: { pattern: 'roles.create', service: USERS_ROOMS_SERVICE },
  List: { pattern: 'roles.list', service: USERS_ROOMS_SERVICE },
  AddUserToRole: { pattern: 'roles.addUserToRole', service: USERS_ROOMS_SERVICE },
  GetUsersInRole: { pattern: 'roles.getUsersInRole', service: USERS_ROOMS_SERVICE },
});

export interface RolesGetUsersInRolePayload extends CallerPayload {
  role?: string;
  roomId?: string;
  offset: number;
  count: number;
}

declare module '../registry' {
  interface RcContract {
    [RolesPattern.Create]: { payload: RawBodyPayload; result: { role: IRole } };
    [RolesPattern.List]: { payload: CallerPayload; result: { roles: IRole[] } };
    [RolesPattern.AddUserToRole]: { payload: RawBodyPayload; result: { role: IRole } };
    [RolesPattern.GetUsersInRole]: {
      payload: RolesGetUsersInRolePayload;
      result: { users: UserView[]; total: number };
    };
  }
}
