import { check, Checked, compileSchema, Opt, Params, Type } from '@app/validation';

export type RoleScope = 'Users' | 'Subscriptions';

const RoleCreate = Params(
  {
    name: Type.String(),
    scope: Opt(Type.Union([Type.Literal('Users'), Type.Literal('Subscriptions')])),
    description: Opt(Type.String()),
    mandatory2fa: Opt(Type.Boolean()),
  },
  { required: ['name'] },
);

const AddUserToRole = Params({
  username: Type.String(),
  roleId: Opt(Type.String()),
  roleName: Opt(Type.String()),
  roomId: Opt(Type.String({ nullable: true })),
});

const PermissionsUpdate = Params({
  permissions: Type.Array(
    Params({
      _id: Type.String(),
      roles: Type.Array(Type.String(), { uniqueItems: true }),
    }),
  ),
});

export type RoleCreateParams = (typeof RoleCreate)['static'];
export type AddUserToRoleParams = Omit<(typeof AddUserToRole)['static'], 'roomId'> & { roomId?: string | null };
export type PermissionsUpdateParams = (typeof PermissionsUpdate)['static'];

// Rocket.Chat checks these inside the handler with its body ajv (coercing), under the endpoint's error type
const roleCreate = compileSchema(RoleCreate, 'lenient');
const addUserToRole = compileSchema(AddUserToRole, 'lenient');
const permissionsUpdate = compileSchema(PermissionsUpdate, 'lenient');

/** roles.create body (Rocket.Chat's isRoleCreateProps). */
export function validateRoleCreate(body: unknown): Checked<RoleCreateParams> {
  const checked = check(roleCreate, body);
  if (checked.ok && !checked.value.name.trim()) {
    return { ok: false, error: 'must NOT have fewer than 1 characters' };
  }
  return checked;
}

/** roles.addUserToRole body (isRoleAddUserToRoleProps: username, roleId, deprecated roleName, roomId). */
export function validateAddUserToRole(body: unknown): Checked<AddUserToRoleParams> {
  return check(addUserToRole, body);
}

/** permissions.update body: `permissions[{_id, roles[]}]`, roles unique, nothing else. */
export function validatePermissionsUpdate(body: unknown): Checked<PermissionsUpdateParams> {
  return check(permissionsUpdate, body);
}
