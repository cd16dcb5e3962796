import { validateAddUserToRole, validatePermissionsUpdate, validateRoleCreate } from './role-params';

describe('roles and permissions parameters', () => {
  it('roles.create: name required, scope Users or Subscriptions, nothing else', () => {
    expect(validateRoleCreate({ name: 'auditor', scope: 'Subscriptions', mandatory2fa: 'true' })).toEqual({
      ok: true,
      value: { name: 'auditor', scope: 'Subscriptions', mandatory2fa: true },
    });
    expect(validateRoleCreate({})).toEqual({ ok: false, error: "must have required property 'name'" });
    expect(validateRoleCreate({ name: 'x', scope: 'Rooms' }).ok).toBe(false);
    expect(validateRoleCreate({ name: 'x', protected: true })).toEqual({
      ok: false,
      error: 'must NOT have additional properties',
    });
    expect(validateRoleCreate({ name: '  ' }).ok).toBe(false);
  });

  it('roles.addUserToRole: username required, roleId/roleName/roomId optional', () => {
    expect(validateAddUserToRole({ username: 'bob', roleId: 'r1', roomId: null })).toEqual({
      ok: true,
      value: { username: 'bob', roleId: 'r1', roomId: null },
    });
    expect(validateAddUserToRole({ roleId: 'r1' })).toEqual({
      ok: false,
      error: "must have required property 'username'",
    });
    expect(validateAddUserToRole({ username: 'bob', userId: 'x' }).ok).toBe(false);
  });

  it('permissions.update: a list of {_id, roles[]} with unique roles', () => {
    expect(validatePermissionsUpdate({ permissions: [{ _id: 'create-c', roles: ['admin', 'user'] }] }).ok).toBe(true);
    expect(validatePermissionsUpdate({ permissions: [{ _id: 'create-c' }] })).toEqual({
      ok: false,
      error: "must have required property 'roles'",
    });
    expect(validatePermissionsUpdate({ permissions: [{ _id: 'create-c', roles: ['a', 'a'] }] })).toEqual({
      ok: false,
      error: 'must NOT have duplicate items (items ## 1 and 0 are identical)',
    });
    expect(validatePermissionsUpdate({ permissions: {} })).toEqual({ ok: false, error: 'must be array' });
    expect(validatePermissionsUpdate([]).ok).toBe(false);
  });
});
