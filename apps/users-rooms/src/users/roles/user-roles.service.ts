import { Injectable } from '@nestjs/common';
import { FilterQuery } from 'mongoose';
import {
  AuthUser,
  IRole,
  IUser,
  RawBodyPayload,
  RcEvent,
  RolesDeletePayload,
  RolesGetUsersInRolePayload,
  RolesRemoveUserFromRolePayload,
  UserView,
} from '@app/contracts';
import { RcError } from '@app/envelope';
import { EventBus } from '@app/transport';
import { AuthorizationService } from '../../authorization/authorization.service';
import { validateAddUserToRole } from '../../authorization/rules/role-params';
import { SubscriptionsRepository } from '../../subscriptions/subscriptions.repository';
import { UserSessionsService } from '../user-sessions.service';
import { UsersRepository } from '../users.repository';

const USERS_IN_ROLE_FIELDS = { name: 1, username: 1, emails: 1, avatarETag: 1, createdAt: 1, _updatedAt: 1 } as const;

/**
 * roles.addUserToRole and roles.getUsersInRole: global roles live on the user (`roles`), room-scoped ones on
 * the subscription. Assignments publish `user.changed`, so gateways drop the cached caller whose roles changed.
 */
@Injectable()
export class UserRolesService {
  constructor(
    private readonly users: UsersRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly authorization: AuthorizationService,
    private readonly sessions: UserSessionsService,
    private readonly events: EventBus,
  ) {}

  private can(caller: AuthUser, permission: string): Promise<boolean> {
    return this.authorization.hasPermission(caller.roles, permission);
  }

  /** Does the user hold the role (globally, or for Subscriptions-scope roles on the room)? */
  private async hasRole(userId: string, role: IRole, roomId?: string | null): Promise<boolean> {
    if (role.scope === 'Subscriptions') {
      return !!roomId && (await this.subscriptions.exists({ rid: roomId, 'u._id': userId, roles: role._id }));
    }
    return this.users.exists({ _id: userId, roles: role._id });
  }

  /** roles.addUserToRole */
  async addUserToRole(p: RawBodyPayload): Promise<{ role: IRole }> {
    const params = validateAddUserToRole(p.body);
    if (!params.ok) {
      throw RcError.failure('error-invalid-role-properties', params.error);
    }
    const { username, roleId, roleName, roomId } = params.value;
    const user = await this.sessions.userFromParams({ username });
    if (!roleId && !roleName) {
      throw RcError.plain('error-invalid-role-properties');
    }
    const role = roleId
      ? await this.authorization.findRoleById(roleId)
      : await this.authorization.findRole(roleName as string);
    if (!role) {
      // Rocket.Chat's API.v1.failure('error-role-not-found', 'Role not found'): the arguments land swapped
      throw RcError.apiFailure('error-role-not-found', 'Role not found');
    }
    if (await this.hasRole(user._id, role, roomId)) {
      throw RcError.failure('error-user-already-in-role', 'User already in role');
    }
    const method = 'authorization:addUserToRole';
    if (!(await this.can(p.caller, 'access-permissions'))) {
      throw RcError.failure('error-action-not-allowed', 'Accessing permissions is not allowed', {
        method,
        action: 'Accessing_permissions',
      });
    }
    if (role._id === 'admin' && !(await this.can(p.caller, 'assign-admin-role'))) {
      throw RcError.failure('error-action-not-allowed', 'Assigning admin is not allowed', {
        method,
        action: 'Assign_admin',
      });
    }
    const now = new Date();
    if (role.scope === 'Subscriptions') {
      if (roomId) {
        const res = await this.subscriptions.updateOne(
          { rid: roomId, 'u._id': user._id },
          { $addToSet: { roles: role._id }, $set: { _updatedAt: now } },
        );
        if (!res.matched) {
          throw RcError.failure('error-invalid-user', 'User is not part of given room', { method });
        }
        await this.events.publish(RcEvent.RoomChanged, { rid: roomId });
      }
      // without a room Rocket.Chat has nothing to add the room-scoped role to, and answers success
    } else {
      await this.users.updateOne({ _id: user._id }, { $addToSet: { roles: role._id }, $set: { _updatedAt: now } });
    }
    await this.events.publish(RcEvent.UserChanged, { userId: user._id });
    return { role };
  }

  /** roles.getUsersInRole (route permission `access-permissions` is checked by the gateway: 403) */
  async usersInRole(p: RolesGetUsersInRolePayload): Promise<{ users: UserView[]; total: number }> {
    if (!p.role) {
      throw RcError.failure('error-param-not-provided', 'Query param "role" is required');
    }
    if (p.roomId && !(await this.can(p.caller, 'view-other-user-channels'))) {
      throw RcError.failure('error-not-allowed', 'Not allowed');
    }
    const role = await this.authorization.findRole(p.role);
    if (!role) {
      throw RcError.failure('error-invalid-roleId');
    }
    let filter: FilterQuery<IUser>;
    if (role.scope === 'Subscriptions') {
      const subs = await this.subscriptions.find(
        { roles: role._id, ...(p.roomId ? { rid: p.roomId } : {}) },
        { projection: { 'u._id': 1 } },
      );
      filter = { _id: { $in: [...new Set(subs.map((s) => s.u._id))] } };
    } else {
      filter = { roles: role._id };
    }
    const [users, total] = await Promise.all([
      this.users.find<UserView>(filter, {
        projection: USERS_IN_ROLE_FIELDS,
        sort: { username: 1 },
        skip: p.offset,
        limit: p.count,
      }),
      this.users.count(filter),
    ]);
    return { users, total };
  }

  /** How many hold the role: users for a global role, room memberships for a room role. */
  private async holders(role: IRole): Promise<number> {
    return role.scope === 'Subscriptions'
      ? this.subscriptions.count({ roles: role._id })
      : this.users.count({ roles: role._id });
  }

  /** roles.delete (the route asks `access-permissions`): a role that is not protected and nobody holds. */
  async deleteRole(p: RolesDeletePayload): Promise<Record<string, never>> {
    const role = await this.authorization.findRole(p.roleId);
    if (!role) {
      throw RcError.failure('error-invalid-roleId', 'This role does not exist');
    }
    if (role.protected) {
      throw RcError.failure('error-role-protected', 'Cannot delete a protected role');
    }
    if ((await this.holders(role)) > 0) {
      throw RcError.failure('error-role-in-use', "Cannot delete role because it's in use");
    }
    await this.authorization.deleteRole(role._id);
    return {};
  }

  /**
   * roles.removeUserFromRole (the route asks `access-permissions`): a global role from the user, or a room
   * role from the user's subscription to the room `scope`. The last admin stays.
   */
  async removeUserFromRole(p: RolesRemoveUserFromRolePayload): Promise<{ role: IRole }> {
    if (!p.roleId && !p.roleName) {
      throw RcError.plain('error-invalid-role-properties');
    }
    const user = await this.users.findOne({ username: p.username }, { _id: 1, username: 1 });
    if (!user) {
      throw RcError.failure('error-invalid-user', 'There is no user with this username');
    }
    const role = p.roleId
      ? await this.authorization.findRoleById(p.roleId)
      : await this.authorization.findRole(p.roleName as string);
    if (!role) {
      throw RcError.failure('error-invalid-roleId', 'This role does not exist');
    }
    if (!(await this.hasRole(user._id, role, p.scope))) {
      throw RcError.failure('error-user-not-in-role', 'User is not in this role');
    }
    if (role._id === 'admin' && (await this.users.count({ roles: 'admin' })) === 1) {
      throw RcError.failure('error-admin-required', 'You need to have at least one admin');
    }
    const now = new Date();
    if (role.scope === 'Subscriptions') {
      await this.subscriptions.updateOne(
        { rid: p.scope, 'u._id': user._id },
        { $pull: { roles: role._id }, $set: { _updatedAt: now } },
      );
      await this.events.publish(RcEvent.SubscriptionChanged, { rid: p.scope as string, userId: user._id });
    } else {
      await this.users.updateOne({ _id: user._id }, { $pull: { roles: role._id }, $set: { _updatedAt: now } });
    }
    await this.events.publish(RcEvent.UserChanged, { userId: user._id });
    return { role };
  }
}
