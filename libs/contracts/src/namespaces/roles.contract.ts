/** roles.* */
import type { CallerPayload, Empty, RawBodyPayload } from '../common/types';
import type { IRole, UserView } from '../documents';
import { definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const RolesPattern = definePatterns({
  Create: { pattern: 'roles.create', service: USERS_ROOMS_SERVICE },
  List: { pattern: 'roles.list', service: USERS_ROOMS_SERVICE },
  AddUserToRole: { pattern: 'roles.addUserToRole', service: USERS_ROOMS_SERVICE },
  GetUsersInRole: { pattern: 'roles.getUsersInRole', service: USERS_ROOMS_SERVICE },
  Update: { pattern: 'roles.update', service: USERS_ROOMS_SERVICE },
  Delete: { pattern: 'roles.delete', service: USERS_ROOMS_SERVICE },
  RemoveUserFromRole: { pattern: 'roles.removeUserFromRole', service: USERS_ROOMS_SERVICE },
});

/** roles.update: a role's name, scope, description and whether it needs a second factor. */
export interface RolesUpdatePayload extends CallerPayload {
  roleId: string;
  name: string;
  scope?: 'Users' | 'Subscriptions';
  description?: string;
  mandatory2fa?: boolean;
}

/** roles.delete: a role nobody holds (by id, or by name). */
export interface RolesDeletePayload extends CallerPayload {
  roleId: string;
}

/** roles.removeUserFromRole: `roleId` (or the deprecated `roleName`); `scope` is the room of a room role. */
export interface RolesRemoveUserFromRolePayload extends CallerPayload {
  username: string;
  roleId?: string;
  roleName?: string;
  scope?: string;
}

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
    [RolesPattern.Update]: { payload: RolesUpdatePayload; result: { role: IRole } };
    [RolesPattern.Delete]: { payload: RolesDeletePayload; result: Empty };
    [RolesPattern.RemoveUserFromRole]: { payload: RolesRemoveUserFromRolePayload; result: { role: IRole } };
  }
}
