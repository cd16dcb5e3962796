import { Opt, PagingParams, Params, Static, Type } from '@app/validation';

/** roles.getUsersInRole: `role` (id or name), optional `roomId`, paging. */
export const RolesGetUsersInRoleDto = Params({
  role: Opt(Type.String()),
  roomId: Opt(Type.String()),
  offset: PagingParams.offset,
  count: PagingParams.count,
});
export type RolesGetUsersInRoleDto = Static<typeof RolesGetUsersInRoleDto>;
