import { Checked, Schema, validate } from './schema';

export type RoleScope = 'Users' | 'Subscriptions';

export interface RoleCreateParams {
  name: string;
  scope?: RoleScope;
  description?: string;
  mandatory2fa?: boolean;
}

export interface AddUserToRoleParams {
  username: string;
  roleId?: string;
  roleName?: string;
  roomId?: string | null;
}

export interface PermissionsUpdateParams {
  permissions: { _id: string; roles: string[] }[];
}

const ROLE_CREATE_SCHEMA: Schema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    scope: { type: 'string', enum: ['Users', 'Subscriptions'] },
    description: { type: 'string' },
    mandatory2fa: { type: 'boolean' },
  },
};

const ADD_USER_TO_ROLE_SCHEMA: Schema = {
  type: 'object',
  required: ['username'],
  additionalProperties: false,
  properties: {
    username: { type: 'string' },
    roleId: { type: 'string' },
    roleName: { type: 'string' },
    roomId: { type: 'string', nullable: true },
  },
};

const PERMISSIONS_UPDATE_SCHEMA: Schema = {
  type: 'object',
  required: ['permissions'],
  additionalProperties: false,
  properties: {
    permissions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['_id', 'roles'],
        additionalProperties: false,
        properties: {
          _id: { type: 'string' },
          roles: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        },
      },
    },
  },
};

/** roles.create body (Rocket.Chat's isRoleCreateProps). */
export function validateRoleCreate(body: unknown): Checked<RoleCreateParams> {
  const checked = validate<RoleCreateParams>(ROLE_CREATE_SCHEMA, body);
  if (checked.ok && !checked.value.name.trim()) {
    return { ok: false, error: 'must NOT have fewer than 1 characters' };
  }
  return checked;
}

/** roles.addUserToRole body (isRoleAddUserToRoleProps: username, roleId, deprecated roleName, roomId). */
export function validateAddUserToRole(body: unknown): Checked<AddUserToRoleParams> {
  return validate<AddUserToRoleParams>(ADD_USER_TO_ROLE_SCHEMA, body);
}

/** permissions.update body: `permissions[{_id, roles[]}]`, roles unique, nothing else. */
export function validatePermissionsUpdate(body: unknown): Checked<PermissionsUpdateParams> {
  return validate<PermissionsUpdateParams>(PERMISSIONS_UPDATE_SCHEMA, body);
}
