import type { RolesDeletePayload, RolesRemoveUserFromRolePayload, RolesUpdatePayload } from '@app/contracts';
import { Feeds, Opt, PagingParams, Params, Static, Type } from '@app/validation';

/** roles.getUsersInRole: `role` (id or name), optional `roomId`, paging. */
export const RolesGetUsersInRoleDto = Params({
  role: Opt(Type.String()),
  roomId: Opt(Type.String()),
  offset: PagingParams.offset,
  count: PagingParams.count,
});
export type RolesGetUsersInRoleDto = Static<typeof RolesGetUsersInRoleDto>;

/** roles.update (Rocket.Chat's isRoleUpdateProps) */
export const RolesUpdateDto = Params({
  roleId: Type.String(),
  name: Type.String(),
  scope: Opt(Type.Union([Type.Literal('Users'), Type.Literal('Subscriptions')])),
  description: Opt(Type.String()),
  mandatory2fa: Opt(Type.Boolean()),
});
export type RolesUpdateDto = Feeds<RolesUpdatePayload, Static<typeof RolesUpdateDto>>;

/** roles.delete: the role's id (or name). */
export const RolesDeleteDto = Params({ roleId: Type.String() });
export type RolesDeleteDto = Feeds<RolesDeletePayload, Static<typeof RolesDeleteDto>>;

/** roles.removeUserFromRole: `username`, `roleId` (or the deprecated `roleName`), and the room `scope`. */
export const RolesRemoveUserFromRoleDto = Params({
  username: Type.String(),
  roleId: Opt(Type.String()),
  roleName: Opt(Type.String()),
  scope: Opt(Type.String()),
});
export type RolesRemoveUserFromRoleDto = Feeds<
  RolesRemoveUserFromRolePayload,
  Static<typeof RolesRemoveUserFromRoleDto>
>;
