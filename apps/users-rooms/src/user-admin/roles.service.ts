import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import {
  AuthUser,
  Doc,
  PermissionsListAllPayload,
  RawBodyPayload,
  RcEvent,
  RolesGetUsersInRolePayload,
} from '@app/contracts';
import { randomId } from '@app/database';
import { RcError } from '@app/envelope';
import { EventBus } from '@app/transport';
import { AuthorizationService } from '../authorization/authorization.service';
import { Permission } from '../authorization/schemas/permission.schema';
import { Role } from '../authorization/schemas/role.schema';
import { Subscription } from '../rooms/schemas/subscription.schema';
import { User } from '../users/schemas/user.schema';
import { validateAddUserToRole, validatePermissionsUpdate, validateRoleCreate } from './rules/role-params';
import { UserSessionsService } from './user-sessions.service';

const USERS_IN_ROLE_FIELDS = { name: 1, username: 1, emails: 1, avatarETag: 1, createdAt: 1, _updatedAt: 1 };

/**
 * roles.* and permissions.* on `rocketchat_roles` / `rocketchat_permissions` (the collections
 * AuthorizationService seeds and checks against). Every change publishes `permissions.changed`, so each
 * gateway and users-rooms replica reloads its permission table; role assignments publish `user.changed`, so
 * gateways drop the cached caller whose roles changed.
 */
@Injectable()
export class RolesService {
  constructor(
    @InjectModel(Role.name) private readonly roles: Model<Role>,
    @InjectModel(Permission.name) private readonly permissions: Model<Permission>,
    @InjectModel(User.name) private readonly users: Model<User>,
    @InjectModel(Subscription.name) private readonly subscriptions: Model<Subscription>,
    private readonly authorization: AuthorizationService,
    private readonly sessions: UserSessionsService,
    private readonly events: EventBus,
  ) {}

  private can(caller: AuthUser, permission: string): Promise<boolean> {
    return this.authorization.hasPermission(caller.roles, permission);
  }

  private async permissionsChanged(ids?: string[]): Promise<void> {
    this.authorization.store.invalidate();
    await this.events.publish(RcEvent.PermissionsChanged, ids ? { ids } : {});
  }

  /** roles.list */
  async list(): Promise<{ roles: Doc[] }> {
    const roles = await this.roles.find({}, { _updatedAt: 0 }).lean();
    return { roles: roles as unknown as Doc[] };
  }

  /**
   * roles.create, as Community servers before 6.0 did it (7.x reserves it to the Enterprise custom-roles
   * licence; here it is always available, behind `access-permissions`).
   */
  async create(p: RawBodyPayload): Promise<{ role: Doc }> {
    const params = validateRoleCreate(p.body);
    if (!params.ok) {
      throw RcError.failure('error-invalid-role-properties', 'The role properties are invalid.');
    }
    if (!(await this.can(p.caller, 'access-permissions'))) {
      throw RcError.failure('error-action-not-allowed', 'Accessing permissions is not allowed');
    }
    const { name, scope, description, mandatory2fa } = params.value;
    if (await this.roles.exists({ $or: [{ _id: name }, { name }] })) {
      throw RcError.failure('error-duplicate-role-names-not-allowed', 'Role name already exists');
    }
    const role = {
      _id: randomId(),
      name,
      scope: scope ?? 'Users',
      description: description ?? '',
      protected: false,
      mandatory2fa: mandatory2fa ?? false,
    };
    await this.roles.create({ ...role, _updatedAt: new Date() });
    await this.permissionsChanged();
    return { role };
  }

  private async roleByIdOrName(idOrName: string): Promise<(Role & Doc) | null> {
    return (
      (await this.roles.findById(idOrName).lean<Role & Doc>()) ??
      (await this.roles.findOne({ name: idOrName }).lean<Role & Doc>())
    );
  }

  /** Does the user hold the role (globally, or for Subscriptions-scope roles on the room)? */
  private async hasRole(userId: string, role: Role, roomId?: string | null): Promise<boolean> {
    if (role.scope === 'Subscriptions') {
      return !!roomId && !!(await this.subscriptions.exists({ rid: roomId, 'u._id': userId, roles: role._id }));
    }
    return !!(await this.users.exists({ _id: userId, roles: role._id }));
  }

  /** roles.addUserToRole */
  async addUserToRole(p: RawBodyPayload): Promise<{ role: Doc }> {
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
      ? await this.roles.findById(roleId).lean<Role & Doc>()
      : await this.roleByIdOrName(roleName as string);
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
        if (!res.matchedCount) {
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
  async usersInRole(p: RolesGetUsersInRolePayload): Promise<{ users: Doc[]; total: number }> {
    if (!p.role) {
      throw RcError.failure('error-param-not-provided', 'Query param "role" is required');
    }
    if (p.roomId && !(await this.can(p.caller, 'view-other-user-channels'))) {
      throw RcError.failure('error-not-allowed', 'Not allowed');
    }
    const role = await this.roleByIdOrName(p.role);
    if (!role) {
      throw RcError.failure('error-invalid-roleId');
    }
    let filter: FilterQuery<User>;
    if (role.scope === 'Subscriptions') {
      const subs = await this.subscriptions
        .find({ roles: role._id, ...(p.roomId ? { rid: p.roomId } : {}) }, { 'u._id': 1 })
        .lean();
      filter = { _id: { $in: [...new Set(subs.map((s) => s.u._id))] } };
    } else {
      filter = { roles: role._id };
    }
    const [users, total] = await Promise.all([
      this.users.find(filter, USERS_IN_ROLE_FIELDS).sort({ username: 1 }).skip(p.offset).limit(p.count).lean(),
      this.users.countDocuments(filter),
    ]);
    return { users: users as unknown as Doc[], total };
  }

  /** permissions.listAll */
  async listAll(p: PermissionsListAllPayload): Promise<{ update: Doc[]; remove: Doc[] }> {
    let since: Date | undefined;
    if (p.updatedSince) {
      if (Number.isNaN(Date.parse(p.updatedSince))) {
        throw RcError.failure('error-roomId-param-invalid', 'The "updatedSince" query parameter must be a valid date.');
      }
      since = new Date(p.updatedSince);
    }
    const update = await this.permissions.find(since ? { _updatedAt: { $gt: since } } : {}).lean();
    // permissions are never deleted here, so nothing is ever in the "removed since" list
    return { update: update as unknown as Doc[], remove: [] };
  }

  /** permissions.update (7.0: the refusal is a 400 with its own error type) */
  async update(p: RawBodyPayload): Promise<{ permissions: Doc[] }> {
    if (!(await this.can(p.caller, 'access-permissions'))) {
      throw RcError.apiFailure('Editing permissions is not allowed', 'error-edit-permissions-not-allowed');
    }
    const params = validatePermissionsUpdate(p.body);
    if (!params.ok) {
      throw RcError.apiFailure('Invalid body params', 'error-invalid-body-params');
    }
    const changes = params.value.permissions;
    const ids = changes.map((c) => c._id);
    if ((await this.permissions.countDocuments({ _id: { $in: ids } })) !== changes.length) {
      throw RcError.apiFailure('Invalid permission', 'error-invalid-permission');
    }
    const roleIds = [...new Set(changes.flatMap((c) => c.roles))];
    if ((await this.roles.countDocuments({ _id: { $in: roleIds } })) !== roleIds.length) {
      throw RcError.apiFailure('Invalid role', 'error-invalid-role');
    }
    const now = new Date();
    for (const change of changes) {
      await this.permissions.updateOne({ _id: change._id }, { $set: { roles: change.roles, _updatedAt: now } });
    }
    await this.permissionsChanged(ids);
    const all = await this.permissions.find({}).lean();
    return { permissions: all as unknown as Doc[] };
  }
}
