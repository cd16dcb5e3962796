/**
 * roles.*: listing, creating and giving roles, and custom roles taking effect at once.
 */
import {
  adminHeaders,
  createChannel,
  createUser,
  createUserAndLogin,
  get,
  NOT_LOGGED_IN,
  permissionRoles,
  post,
  request,
  setPermissionRoles,
  unique,
} from './helpers/api';

describe('custom roles take effect at once', () => {
  it('a role created, granted a permission and given to a user works on the next request', async () => {
    const admin = await adminHeaders();
    const { user, credentials } = await createUserAndLogin();
    const me = credentials.headers;
    expect(
      (
        await request()
          .get('/api/info')
          .set({ ...me })
          .expect(200)
      ).body.info,
    ).toBeUndefined();
    await get('roles.getUsersInRole', me, { role: 'admin' }).expect(403);

    const created = await post('roles.create', admin, { name: unique('e2e-auditor'), description: 'reads stats' });
    expect(created.status).toBe(200);
    const roleId = created.body.role._id as string;

    const stats = await permissionRoles('view-statistics');
    const access = await permissionRoles('access-permissions');
    try {
      await setPermissionRoles('view-statistics', [...stats, roleId]);
      await setPermissionRoles('access-permissions', [...access, roleId]);
      // the permission alone changes nothing for a user without the role
      expect(
        (
          await request()
            .get('/api/info')
            .set({ ...me })
            .expect(200)
        ).body.info,
      ).toBeUndefined();

      await post('roles.addUserToRole', admin, { username: user.username, roleId }).expect(200);

      // checked by users-rooms (server info) and by the gateway itself (route permission), same token
      const info = await request()
        .get('/api/info')
        .set({ ...me })
        .expect(200);
      expect(info.body.info).toEqual(expect.objectContaining({ version: expect.any(String) }));
      const inRole = await get('roles.getUsersInRole', me, { role: roleId }).expect(200);
      expect(inRole.body.users.map((u: { _id: string }) => u._id)).toEqual([user._id]);
    } finally {
      await setPermissionRoles('view-statistics', stats);
      await setPermissionRoles('access-permissions', access);
    }
    // taking the permission away is just as immediate
    expect(
      (
        await request()
          .get('/api/info')
          .set({ ...me })
          .expect(200)
      ).body.info,
    ).toBeUndefined();
    await get('roles.getUsersInRole', me, { role: 'admin' }).expect(403);
  });
});

describe('GET /api/v1/roles.list', () => {
  it('lists the roles with their fields', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await get('roles.list', credentials.headers).expect(200);
    expect(res.body.success).toBe(true);
    expect(res.body.roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ _id: 'admin', name: 'admin', scope: 'Users', protected: true }),
        expect.objectContaining({ _id: 'owner', name: 'owner', scope: 'Subscriptions', protected: true }),
      ]),
    );
    expect(res.body.roles[0]._updatedAt).toBeUndefined();
  });

  it('needs a login', async () => {
    const res = await request().get('/api/v1/roles.list').expect(401);
    expect(res.body).toEqual(NOT_LOGGED_IN);
  });

  it('is a GET route only', async () => {
    await post('roles.list', await adminHeaders(), {}).expect(405);
  });
});

describe('POST /api/v1/roles.create', () => {
  it('creates a custom role (not protected, random id)', async () => {
    const name = unique('e2e-role');
    const res = await post('roles.create', await adminHeaders(), {
      name,
      scope: 'Subscriptions',
      description: 'room helpers',
      mandatory2fa: false,
    }).expect(200);
    expect(res.body).toEqual({
      success: true,
      role: {
        _id: expect.any(String),
        name,
        scope: 'Subscriptions',
        description: 'room helpers',
        protected: false,
        mandatory2fa: false,
      },
    });
    expect(res.body.role._id).not.toBe(name);
    const list = await get('roles.list', await adminHeaders()).expect(200);
    expect(list.body.roles.map((r: { name: string }) => r.name)).toContain(name);
  });

  it('refuses bad properties', async () => {
    const headers = await adminHeaders();
    for (const body of [{}, { name: 'x', scope: 'Rooms' }, { name: 'x', protected: true }]) {
      const res = await post('roles.create', headers, body).expect(400);
      expect(res.body).toEqual({
        success: false,
        error: 'The role properties are invalid. [error-invalid-role-properties]',
        errorType: 'error-invalid-role-properties',
      });
    }
  });

  it('refuses callers without access-permissions', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await post('roles.create', credentials.headers, { name: unique('e2e-role') }).expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'Accessing permissions is not allowed [error-action-not-allowed]',
      errorType: 'error-action-not-allowed',
    });
  });

  it('refuses a name in use', async () => {
    const res = await post('roles.create', await adminHeaders(), { name: 'admin' }).expect(400);
    expect(res.body.errorType).toBe('error-duplicate-role-names-not-allowed');
    expect(res.body.error).toBe('Role name already exists [error-duplicate-role-names-not-allowed]');
  });
});

describe('POST /api/v1/roles.addUserToRole', () => {
  it('adds a global role by id (and by its deprecated name)', async () => {
    const headers = await adminHeaders();
    const { user } = await createUser();
    const res = await post('roles.addUserToRole', headers, { username: user.username, roleId: 'bot' }).expect(200);
    expect(res.body.role).toEqual(expect.objectContaining({ _id: 'bot', name: 'bot', scope: 'Users' }));
    await post('roles.addUserToRole', headers, { username: user.username, roleName: 'guest' }).expect(200);
    const info = await get('users.info', headers, { userId: user._id }).expect(200);
    expect(info.body.user.roles).toEqual(expect.arrayContaining(['user', 'bot', 'guest']));
  });

  it('puts a Subscriptions-scope role on the room subscription', async () => {
    const headers = await adminHeaders();
    const { user } = await createUser();
    const channel = await createChannel(headers, unique('e2e-roles'), { members: [user.username] });
    await post('roles.addUserToRole', headers, {
      username: user.username,
      roleId: 'moderator',
      roomId: channel._id,
    }).expect(200);
    const mods = await get('roles.getUsersInRole', headers, { role: 'moderator', roomId: channel._id }).expect(200);
    expect(mods.body).toEqual({ success: true, users: [expect.objectContaining({ _id: user._id })], total: 1 });
    const again = await post('roles.addUserToRole', headers, {
      username: user.username,
      roleId: 'moderator',
      roomId: channel._id,
    }).expect(400);
    expect(again.body.errorType).toBe('error-user-already-in-role');
    const outsider = await createUser();
    const notMember = await post('roles.addUserToRole', headers, {
      username: outsider.user.username,
      roleId: 'moderator',
      roomId: channel._id,
    }).expect(400);
    expect(notMember.body.error).toBe('User is not part of given room [error-invalid-user]');
  });

  it('refuses bad input', async () => {
    const headers = await adminHeaders();
    const { user } = await createUser();
    const noUser = await post('roles.addUserToRole', headers, { roleId: 'bot' }).expect(400);
    expect(noUser.body).toEqual({
      success: false,
      error: "must have required property 'username' [error-invalid-role-properties]",
      errorType: 'error-invalid-role-properties',
    });
    const noRole = await post('roles.addUserToRole', headers, { username: user.username }).expect(400);
    expect(noRole.body).toEqual({ success: false, error: 'error-invalid-role-properties' });
    const unknownRole = await post('roles.addUserToRole', headers, { username: user.username, roleId: 'nope' });
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.body).toEqual({ success: false, error: 'error-role-not-found', errorType: 'Role not found' });
    const unknownUser = await post('roles.addUserToRole', headers, { username: unique('ghost'), roleId: 'bot' });
    expect(unknownUser.status).toBe(400);
    expect(unknownUser.body.errorType).toBe('error-invalid-user');
  });

  it('refuses callers without access-permissions', async () => {
    const { credentials } = await createUserAndLogin();
    const other = await createUser();
    const res = await post('roles.addUserToRole', credentials.headers, {
      username: other.user.username,
      roleId: 'admin',
    }).expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'Accessing permissions is not allowed [error-action-not-allowed]',
      errorType: 'error-action-not-allowed',
      details: { method: 'authorization:addUserToRole', action: 'Accessing_permissions' },
    });
  });
});

describe('GET /api/v1/roles.getUsersInRole', () => {
  it('lists the users of a role with paging total', async () => {
    const headers = await adminHeaders();
    const res = await get('roles.getUsersInRole', headers, { role: 'admin', count: '1' }).expect(200);
    expect(res.body.users).toHaveLength(1);
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    expect(Object.keys(res.body.users[0]).sort()).toEqual(
      expect.arrayContaining(['_id', 'username', 'createdAt', '_updatedAt']),
    );
    expect(res.body.users[0].services).toBeUndefined();
    expect(res.body.count).toBeUndefined();
  });

  it('refuses a missing or unknown role', async () => {
    const headers = await adminHeaders();
    const missing = await get('roles.getUsersInRole', headers).expect(400);
    expect(missing.body).toEqual({
      success: false,
      error: 'Query param "role" is required [error-param-not-provided]',
      errorType: 'error-param-not-provided',
    });
    const unknown = await get('roles.getUsersInRole', headers, { role: 'nope' }).expect(400);
    expect(unknown.body).toEqual({
      success: false,
      error: '[error-invalid-roleId]',
      errorType: 'error-invalid-roleId',
    });
  });

  it('refuses callers without access-permissions (403)', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await get('roles.getUsersInRole', credentials.headers, { role: 'admin' }).expect(403);
    expect(res.body).toEqual({ success: false, error: 'unauthorized' });
  });
});

describe('POST /api/v1/roles.update', () => {
  it('changes a custom role’s name, description, scope and mandatory2fa', async () => {
    const headers = await adminHeaders();
    const created = await post('roles.create', headers, { name: unique('e2e-upd'), description: 'before' });
    const roleId = created.body.role._id as string;
    const name = unique('e2e-renamed');
    const res = await post('roles.update', headers, {
      roleId,
      name,
      description: 'after',
      scope: 'Subscriptions',
      mandatory2fa: true,
    }).expect(200);
    expect(res.body.role).toEqual(
      expect.objectContaining({ _id: roleId, name, description: 'after', scope: 'Subscriptions', mandatory2fa: true }),
    );
    const list = await get('roles.list', headers).expect(200);
    expect(list.body.roles.find((r: { _id: string }) => r._id === roleId)).toMatchObject({
      name,
      scope: 'Subscriptions',
    });
  });

  it('keeps protected roles’ names and scopes, and names unique', async () => {
    const headers = await adminHeaders();
    const renameAdmin = await post('roles.update', headers, { roleId: 'admin', name: 'boss' }).expect(400);
    expect(renameAdmin.body).toEqual({
      success: false,
      error: 'Role is protected [error-role-protected]',
      errorType: 'error-role-protected',
    });
    // a protected role's description may change
    const described = await post('roles.update', headers, {
      roleId: 'bot',
      name: 'bot',
      description: 'Bots and integrations',
    }).expect(200);
    expect(described.body.role).toMatchObject({ _id: 'bot', name: 'bot', description: 'Bots and integrations' });
    await post('roles.update', headers, { roleId: 'bot', name: 'bot', description: '' }).expect(200);
    const created = await post('roles.create', headers, { name: unique('e2e-dup') });
    const dup = await post('roles.update', headers, { roleId: created.body.role._id, name: 'user' }).expect(400);
    expect(dup.body.errorType).toBe('error-duplicate-role-names-not-allowed');
  });

  it('refuses an unknown role, bad properties and callers without access-permissions', async () => {
    const headers = await adminHeaders();
    const unknown = await post('roles.update', headers, { roleId: 'nope', name: 'x' }).expect(400);
    expect(unknown.body).toEqual({
      success: false,
      error: 'This role does not exist [error-invalid-roleId]',
      errorType: 'error-invalid-roleId',
    });
    const missing = await post('roles.update', headers, { roleId: 'bot' }).expect(400);
    expect(missing.body.errorType).toBe('invalid-params');
    const badScope = await post('roles.update', headers, { roleId: 'bot', name: 'bot', scope: 'Rooms' }).expect(400);
    expect(badScope.body.errorType).toBe('invalid-params');
    const { credentials } = await createUserAndLogin();
    const refused = await post('roles.update', credentials.headers, { roleId: 'bot', name: 'bot' }).expect(400);
    expect(refused.body.errorType).toBe('error-action-not-allowed');
    await request().post('/api/v1/roles.update').send({ roleId: 'bot', name: 'bot' }).expect(401);
  });
});

describe('POST /api/v1/roles.delete', () => {
  it('deletes a custom role nobody holds', async () => {
    const headers = await adminHeaders();
    const created = await post('roles.create', headers, { name: unique('e2e-del') });
    const roleId = created.body.role._id as string;
    const res = await post('roles.delete', headers, { roleId }).expect(200);
    expect(res.body).toEqual({ success: true });
    const list = await get('roles.list', headers).expect(200);
    expect(list.body.roles.map((r: { _id: string }) => r._id)).not.toContain(roleId);
    const again = await post('roles.delete', headers, { roleId }).expect(400);
    expect(again.body.errorType).toBe('error-invalid-roleId');
  });

  it('refuses protected roles and roles in use', async () => {
    const headers = await adminHeaders();
    const protectedRole = await post('roles.delete', headers, { roleId: 'guest' }).expect(400);
    expect(protectedRole.body).toEqual({
      success: false,
      error: 'Cannot delete a protected role [error-role-protected]',
      errorType: 'error-role-protected',
    });
    const created = await post('roles.create', headers, { name: unique('e2e-used') });
    const roleId = created.body.role._id as string;
    const { user } = await createUser();
    await post('roles.addUserToRole', headers, { username: user.username, roleId }).expect(200);
    const inUse = await post('roles.delete', headers, { roleId }).expect(400);
    expect(inUse.body).toEqual({
      success: false,
      error: "Cannot delete role because it's in use [error-role-in-use]",
      errorType: 'error-role-in-use',
    });
    await post('roles.removeUserFromRole', headers, { username: user.username, roleId }).expect(200);
    await post('roles.delete', headers, { roleId }).expect(200);
  });

  it('needs access-permissions, a roleId and a login', async () => {
    const { credentials } = await createUserAndLogin();
    const refused = await post('roles.delete', credentials.headers, { roleId: 'bot' }).expect(403);
    expect(refused.body).toEqual({ success: false, error: 'unauthorized' });
    const missing = await post('roles.delete', await adminHeaders(), {}).expect(400);
    expect(missing.body.errorType).toBe('invalid-params');
    expect((await request().post('/api/v1/roles.delete').send({ roleId: 'bot' }).expect(401)).body).toEqual(
      NOT_LOGGED_IN,
    );
  });
});

describe('POST /api/v1/roles.removeUserFromRole', () => {
  it('takes a global role from a user, at once', async () => {
    const headers = await adminHeaders();
    const { user, credentials } = await createUserAndLogin();
    await post('roles.addUserToRole', headers, { username: user.username, roleId: 'admin' }).expect(200);
    await get('roles.getUsersInRole', credentials.headers, { role: 'admin' }).expect(200);
    const res = await post('roles.removeUserFromRole', headers, { username: user.username, roleId: 'admin' });
    expect(res.status).toBe(200);
    expect(res.body.role).toMatchObject({ _id: 'admin', name: 'admin' });
    // the gateway forgot the cached caller: the admin permission is gone on the next request
    await get('roles.getUsersInRole', credentials.headers, { role: 'admin' }).expect(403);
    const info = await get('users.info', headers, { userId: user._id }).expect(200);
    expect(info.body.user.roles).toEqual(['user']);
  });

  it('takes a room role from the user’s subscription (`scope` = the room)', async () => {
    const headers = await adminHeaders();
    const { user } = await createUser();
    const channel = await createChannel(headers, unique('e2e-unrole'), { members: [user.username] });
    await post('roles.addUserToRole', headers, {
      username: user.username,
      roleId: 'moderator',
      roomId: channel._id,
    }).expect(200);
    await post('roles.removeUserFromRole', headers, {
      username: user.username,
      roleId: 'moderator',
      scope: channel._id,
    }).expect(200);
    const mods = await get('roles.getUsersInRole', headers, { role: 'moderator', roomId: channel._id }).expect(200);
    expect(mods.body.total).toBe(0);
  });

  it('refuses unknown users and roles, a role the user lacks, and the last admin', async () => {
    const headers = await adminHeaders();
    const { user } = await createUser();
    const noUser = await post('roles.removeUserFromRole', headers, { username: unique('ghost'), roleId: 'bot' });
    expect([noUser.status, noUser.body]).toEqual([
      400,
      {
        success: false,
        error: 'There is no user with this username [error-invalid-user]',
        errorType: 'error-invalid-user',
      },
    ]);
    const noRole = await post('roles.removeUserFromRole', headers, { username: user.username, roleId: 'nope' });
    expect([noRole.status, noRole.body.errorType]).toEqual([400, 'error-invalid-roleId']);
    const notIn = await post('roles.removeUserFromRole', headers, { username: user.username, roleId: 'bot' });
    expect([notIn.status, notIn.body]).toEqual([
      400,
      {
        success: false,
        error: 'User is not in this role [error-user-not-in-role]',
        errorType: 'error-user-not-in-role',
      },
    ]);
    const neither = await post('roles.removeUserFromRole', headers, { username: user.username }).expect(400);
    expect(neither.body).toEqual({ success: false, error: 'error-invalid-role-properties' });
  });

  it('keeps the last admin', async () => {
    const headers = await adminHeaders();
    const me = (await get('me', headers).expect(200)).body as { _id: string; username: string };
    // leave a single admin: other admins (from any test file) lose the role, through this endpoint
    const admins = await get('roles.getUsersInRole', headers, { role: 'admin', count: '0' }).expect(200);
    for (const other of admins.body.users as { _id: string; username: string }[]) {
      if (other._id !== me._id) {
        await post('roles.removeUserFromRole', headers, { username: other.username, roleId: 'admin' }).expect(200);
      }
    }
    const last = await post('roles.removeUserFromRole', headers, { username: me.username, roleId: 'admin' });
    expect([last.status, last.body]).toEqual([
      400,
      {
        success: false,
        error: 'You need to have at least one admin [error-admin-required]',
        errorType: 'error-admin-required',
      },
    ]);
    await get('roles.getUsersInRole', headers, { role: 'admin' }).expect(200);
  });

  it('needs access-permissions and a login', async () => {
    const { user, credentials } = await createUserAndLogin();
    const refused = await post('roles.removeUserFromRole', credentials.headers, {
      username: user.username,
      roleId: 'user',
    }).expect(403);
    expect(refused.body).toEqual({ success: false, error: 'unauthorized' });
    await request().post('/api/v1/roles.removeUserFromRole').send({ username: 'x', roleId: 'user' }).expect(401);
  });
});
