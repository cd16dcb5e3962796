import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import {
  AuthUser,
  IPermission,
  IRole,
  PermissionsListAllPayload,
  RawBodyPayload,
  RolesUpdatePayload,
} from '@app/contracts';
import { randomId } from '@app/database';
import { RcError } from '@app/envelope';
import { AuthorizationService } from './authorization.service';
import { validatePermissionsUpdate, validateRoleCreate } from './rules/role-params';
import { Permission } from './schemas/permission.schema';
import { Role } from './schemas/role.schema';

/**
 * roles.list, roles.create and permissions.* on `rocketchat_roles` / `rocketchat_permissions` (the collections
 * AuthorizationService seeds and checks against). Every change publishes `permissions.changed`, so each
 * gateway and users-rooms replica reloads its permission table. Giving roles to users is the users context's
 * (`users/roles`).
 */
@Injectable()
export class RolesService {
  constructor(
    @InjectModel(Role.name) private readonly roles: Model<Role>,
    @InjectModel(Permission.name) private readonly permissions: Model<Permission>,
    private readonly authorization: AuthorizationService,
  ) {}

  private can(caller: AuthUser, permission: string): Promise<boolean> {
    return this.authorization.hasPermission(caller.roles, permission);
  }

  /** roles.list */
  async list(): Promise<{ roles: IRole[] }> {
    return { roles: await this.roles.find({}, { _updatedAt: 0 }).lean<IRole[]>() };
  }

  /**
   * roles.create, as Community servers before 6.0 did it (7.x reserves it to the Enterprise custom-roles
   * licence; here it is always available, behind `access-permissions`).
   */
  async create(p: RawBodyPayload): Promise<{ role: IRole }> {
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
    const role: IRole = {
      _id: randomId(),
      name,
      scope: scope ?? 'Users',
      description: description ?? '',
      protected: false,
      mandatory2fa: mandatory2fa ?? false,
    };
    await this.roles.create({ ...role, _updatedAt: new Date() });
    await this.authorization.permissionsChanged();
    return { role };
  }

  /**
   * roles.update (an Enterprise route in Rocket.Chat 7.x; available here like roles.create): a protected role
   * keeps its name and scope; names stay unique.
   */
  async updateRole(p: RolesUpdatePayload): Promise<{ role: IRole }> {
    if (!(await this.can(p.caller, 'access-permissions'))) {
      throw RcError.failure('error-action-not-allowed', 'Accessing permissions is not allowed');
    }
    const role = await this.roles.findById(p.roleId).lean<IRole>();
    if (!role) {
      throw RcError.failure('error-invalid-roleId', 'This role does not exist');
    }
    const name = p.name.trim();
    if (!name) {
      throw RcError.failure('error-invalid-role-properties', 'The role properties are invalid.');
    }
    if (role.protected && (name !== role.name || (p.scope && p.scope !== role.scope))) {
      throw RcError.failure('error-role-protected', 'Role is protected');
    }
    if (await this.roles.exists({ _id: { $ne: role._id }, $or: [{ name }, { _id: name }] })) {
      throw RcError.failure('error-duplicate-role-names-not-allowed', 'Role name already exists');
    }
    const changes = {
      name,
      scope: p.scope ?? role.scope,
      description: p.description ?? '',
      mandatory2fa: p.mandatory2fa ?? false,
    };
    await this.roles.updateOne({ _id: role._id }, { $set: { ...changes, _updatedAt: new Date() } });
    await this.authorization.permissionsChanged();
    return { role: { ...role, ...changes } };
  }

  /** permissions.listAll */
  async listAll(p: PermissionsListAllPayload): Promise<{ update: IPermission[]; remove: IPermission[] }> {
    let since: Date | undefined;
    if (p.updatedSince) {
      if (Number.isNaN(Date.parse(p.updatedSince))) {
        throw RcError.failure('error-roomId-param-invalid', 'The "updatedSince" query parameter must be a valid date.');
      }
      since = new Date(p.updatedSince);
    }
    const update = await this.permissions.find(since ? { _updatedAt: { $gt: since } } : {}).lean<IPermission[]>();
    // permissions are never deleted here, so nothing is ever in the "removed since" list
    return { update, remove: [] };
  }

  /** permissions.update (7.0: the refusal is a 400 with its own error type) */
  async update(p: RawBodyPayload): Promise<{ permissions: IPermission[] }> {
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
    await this.authorization.permissionsChanged(ids);
    return { permissions: await this.permissions.find({}).lean<IPermission[]>() };
  }
}
