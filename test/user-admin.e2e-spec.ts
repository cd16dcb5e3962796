/**
 * roles.*, permissions.*, users.update / updateOwnBasicInfo / setActiveStatus / delete / deleteOwnAccount,
 * users.presence / getPresence / getPreferences / setPreferences / getUsernameSuggestion.
 */
import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import mongoose from 'mongoose';
import {
  AuthHeaders,
  adminCredentials,
  adminHeaders,
  createChannel,
  createUser,
  createUserAndLogin,
  login,
  request,
  unique,
} from './helpers/api';
import { readState } from './helpers/state';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const post = (path: string, headers: AuthHeaders | Record<string, string>, body: unknown) =>
  request()
    .post(`/api/v1/${path}`)
    .set({ ...headers })
    .send(body as object);

const get = (path: string, headers: AuthHeaders | Record<string, string>, query: Record<string, string> = {}) =>
  request()
    .get(`/api/v1/${path}`)
    .set({ ...headers })
    .query(query);

const NOT_LOGGED_IN = {
  success: false,
  status: 'error',
  message: 'You must be logged in to do this.',
  error: 'You must be logged in to do this.',
};

/** Sets a setting the way an admin's change would land: stored, then `settings.changed` for every replica. */
async function setSetting(id: string, value: unknown): Promise<void> {
  const state = readState();
  const conn = await mongoose.createConnection(state.mongoUrl).asPromise();
  try {
    await conn.collection('rocketchat_settings').updateOne({ _id: id as never }, { $set: { value } });
  } finally {
    await conn.close();
  }
  const redis = new Redis(state.redisUrl);
  try {
    const prefix = state.appEnv.RC_REDIS_PREFIX ?? 'rc';
    await redis.publish(`${prefix}:events`, JSON.stringify({ event: 'settings.changed', payload: { ids: [id] } }));
  } finally {
    redis.disconnect();
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/**
 * Admin headers plus the password second factor: users.update is a 2FA route, and an admin account older than
 * Accounts_TwoFactorAuthentication_RememberFor (30 min) must send it.
 */
async function adminWith2fa(): Promise<Record<string, string>> {
  return {
    ...(await adminHeaders()),
    'x-2fa-code': sha256(adminCredentials().password),
    'x-2fa-method': 'password',
  };
}

async function permissionRoles(id: string): Promise<string[]> {
  const res = await get('permissions.listAll', await adminHeaders()).expect(200);
  return (res.body.update as { _id: string; roles: string[] }[]).find((p) => p._id === id)!.roles;
}

async function setPermissionRoles(id: string, roles: string[]): Promise<void> {
  await post('permissions.update', await adminHeaders(), { permissions: [{ _id: id, roles }] }).expect(200);
}

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

describe('GET /api/v1/permissions.listAll', () => {
  it('lists every permission, or only those changed since a date', async () => {
    const { credentials } = await createUserAndLogin();
    const all = await get('permissions.listAll', credentials.headers).expect(200);
    expect(all.body.remove).toEqual([]);
    expect(all.body.update).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ _id: 'access-permissions', roles: ['admin'], _updatedAt: expect.any(String) }),
      ]),
    );
    const since = new Date(Date.now() - 1000).toISOString();
    const roles = await permissionRoles('create-d');
    await setPermissionRoles('create-d', roles);
    const changed = await get('permissions.listAll', credentials.headers, { updatedSince: since }).expect(200);
    expect(changed.body.update.map((p: { _id: string }) => p._id)).toContain('create-d');
    expect(changed.body.update.map((p: { _id: string }) => p._id)).not.toContain('access-mailer');
  });

  it('refuses an invalid date', async () => {
    const res = await get('permissions.listAll', await adminHeaders(), { updatedSince: 'yesterday-ish' }).expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'The "updatedSince" query parameter must be a valid date. [error-roomId-param-invalid]',
      errorType: 'error-roomId-param-invalid',
    });
  });

  it('needs a login', async () => {
    await request().get('/api/v1/permissions.listAll').expect(401);
  });
});

describe('POST /api/v1/permissions.update', () => {
  it('sets the roles of permissions and answers the whole list', async () => {
    const roles = await permissionRoles('pin-message');
    try {
      const res = await post('permissions.update', await adminHeaders(), {
        permissions: [{ _id: 'pin-message', roles: ['admin', 'guest'] }],
      }).expect(200);
      expect(res.body.permissions).toEqual(
        expect.arrayContaining([expect.objectContaining({ _id: 'pin-message', roles: ['admin', 'guest'] })]),
      );
      expect(res.body.permissions.length).toBeGreaterThan(100);
    } finally {
      await setPermissionRoles('pin-message', roles);
    }
  });

  it('refuses unknown permissions, unknown roles and a bad body', async () => {
    const headers = await adminHeaders();
    const perm = await post('permissions.update', headers, { permissions: [{ _id: 'fly', roles: ['admin'] }] });
    expect(perm.status).toBe(400);
    expect(perm.body).toEqual({ success: false, error: 'Invalid permission', errorType: 'error-invalid-permission' });
    const role = await post('permissions.update', headers, { permissions: [{ _id: 'create-c', roles: ['pilot'] }] });
    expect(role.status).toBe(400);
    expect(role.body).toEqual({ success: false, error: 'Invalid role', errorType: 'error-invalid-role' });
    const body = await post('permissions.update', headers, { permissions: [{ _id: 'create-c' }] }).expect(400);
    expect(body.body).toEqual({ success: false, error: 'Invalid body params', errorType: 'error-invalid-body-params' });
  });

  it('refuses callers without access-permissions (400, as 7.0)', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await post('permissions.update', credentials.headers, {
      permissions: [{ _id: 'create-c', roles: ['admin'] }],
    }).expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'Editing permissions is not allowed',
      errorType: 'error-edit-permissions-not-allowed',
    });
  });
});

describe('POST /api/v1/users.update', () => {
  it('lets an admin change a user; the answer carries no secrets', async () => {
    const { user } = await createUser();
    const username = unique('e2e.renamed');
    const res = await post('users.update', await adminWith2fa(), {
      userId: user._id,
      data: {
        name: 'Renamed',
        username,
        email: `${username}@e2e.test`,
        bio: 'hello',
        nickname: 'nick',
        statusText: 'busy day',
        verified: true,
        roles: ['user', 'bot'],
        requirePasswordChange: true,
      },
    }).expect(200);
    expect(res.body.user).toEqual(
      expect.objectContaining({
        _id: user._id,
        name: 'Renamed',
        username,
        emails: [{ address: `${username}@e2e.test`, verified: true }],
        bio: 'hello',
        nickname: 'nick',
        statusText: 'busy day',
        roles: ['user', 'bot'],
        requirePasswordChange: true,
      }),
    );
    expect(res.body.user.services).toBeUndefined();
  });

  it('a new password ends every session of the user', async () => {
    const { user, credentials } = await createUserAndLogin();
    const second = await login(user.username, 'rocket.chat');
    await get('me', credentials.headers).expect(200);
    await post('users.update', await adminWith2fa(), { userId: user._id, data: { password: 'n3w-pass' } }).expect(200);
    await get('me', credentials.headers).expect(401);
    await get('me', second.headers).expect(401);
    const relogin = await request().post('/api/v1/login').send({ user: user.username, password: 'rocket.chat' });
    expect(relogin.status).toBe(401);
    await login(user.username, 'n3w-pass');
  });

  it('refuses unknown keys and missing fields', async () => {
    const headers = await adminWith2fa();
    const extra = await post('users.update', headers, { userId: 'x', data: { isAdmin: true } }).expect(400);
    expect(extra.body.errorType).toBe('invalid-params');
    expect(extra.body.error).toContain('must NOT have additional properties');
    const missing = await post('users.update', headers, { data: {} }).expect(400);
    expect(missing.body.error).toBe("must have required property 'userId' [invalid-params]");
    const unknown = await post('users.update', headers, { userId: 'no-such-user', data: { name: 'x' } }).expect(400);
    expect(unknown.body).toEqual({ success: false, error: 'User not found' });
  });

  it('refuses editing others without edit-other-user-info, and role changes without assign-roles', async () => {
    const { user, credentials } = await createUserAndLogin();
    const other = await createUser();
    const res = await post('users.update', credentials.headers, { userId: other.user._id, data: { name: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      success: false,
      error: 'Editing user is not allowed [error-action-not-allowed]',
      errorType: 'error-action-not-allowed',
      details: { method: 'insertOrUpdateUser', action: 'Editing_user' },
    });
    const admin = await post('users.update', credentials.headers, { userId: user._id, data: { roles: ['admin'] } });
    expect(admin.status).toBe(400);
    expect(admin.body.error).toBe('Assigning admin is not allowed [error-action-not-allowed]');
    const roles = await post('users.update', credentials.headers, { userId: user._id, data: { roles: ['bot'] } });
    expect(roles.body.error).toBe('Assign roles is not allowed [error-action-not-allowed]');
  });

  it('lets users edit their own name, but not their e-mail verification', async () => {
    const { user, credentials } = await createUserAndLogin();
    const ok = await post('users.update', credentials.headers, { userId: user._id, data: { name: 'Self Made' } });
    expect(ok.status).toBe(200);
    expect(ok.body.user.name).toBe('Self Made');
    const verify = await post('users.update', credentials.headers, { userId: user._id, data: { verified: true } });
    expect(verify.body.error).toBe('Editing email verification is not allowed [error-action-not-allowed]');
  });

  it('refuses a taken username', async () => {
    const { user } = await createUser();
    const other = await createUser();
    const res = await post('users.update', await adminWith2fa(), {
      userId: user._id,
      data: { username: other.user.username },
    }).expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'Could not save user identity [error-could-not-save-identity]',
      errorType: 'error-could-not-save-identity',
      details: { method: 'saveUser' },
    });
  });
});

describe('POST /api/v1/users.updateOwnBasicInfo', () => {
  it('changes the caller’s profile', async () => {
    const { user, credentials } = await createUserAndLogin();
    const res = await post('users.updateOwnBasicInfo', credentials.headers, {
      data: { name: 'Own Name', nickname: 'own', bio: 'about me', statusText: 'around', statusType: 'away' },
    }).expect(200);
    expect(res.body.user).toEqual(
      expect.objectContaining({
        _id: user._id,
        name: 'Own Name',
        nickname: 'own',
        bio: 'about me',
        statusText: 'around',
        status: 'away',
      }),
    );
    expect(res.body.user.services).toBeUndefined();
  });

  it('a password change needs the current password and ends the other sessions only', async () => {
    const { user, credentials, password } = await createUserAndLogin();
    const other = await login(user.username, password);
    const noCode = await post('users.updateOwnBasicInfo', credentials.headers, {
      data: { newPassword: 'next-pass-1' },
    }).expect(400);
    expect(noCode.body).toEqual({
      success: false,
      error: 'TOTP Required [totp-required]',
      errorType: 'totp-required',
      details: { method: 'password', codeGenerated: false, availableMethods: ['password'] },
    });
    const wrong = await post('users.updateOwnBasicInfo', credentials.headers, {
      data: { newPassword: 'next-pass-1', currentPassword: sha256('wrong') },
    }).expect(400);
    expect(wrong.body.errorType).toBe('totp-invalid');
    const same = await post('users.updateOwnBasicInfo', credentials.headers, {
      data: { newPassword: password, currentPassword: sha256(password) },
    }).expect(400);
    expect(same.body.errorType).toBe('error-password-same-as-current');

    await post('users.updateOwnBasicInfo', credentials.headers, {
      data: { newPassword: 'next-pass-1', currentPassword: sha256(password) },
    }).expect(200);
    await get('me', credentials.headers).expect(200);
    await get('me', other.headers).expect(401);
    await login(user.username, 'next-pass-1');
  });

  it('an e-mail change needs the current password', async () => {
    const { user, credentials, password } = await createUserAndLogin();
    const address = `${unique('e2e.mail')}@e2e.test`;
    await post('users.updateOwnBasicInfo', credentials.headers, { data: { email: address } }).expect(400);
    const res = await post('users.updateOwnBasicInfo', credentials.headers, {
      data: { email: address, currentPassword: sha256(password) },
    }).expect(200);
    expect(res.body.user.emails).toEqual([{ address, verified: false }]);
    expect(res.body.user._id).toBe(user._id);
    // one e-mail change a minute for users who may not edit others (Rocket.Chat's setEmail limiter)
    const again = await post('users.updateOwnBasicInfo', credentials.headers, {
      data: { email: `${unique('e2e.mail')}@e2e.test`, currentPassword: sha256(password) },
    }).expect(429);
    expect(again.body.errorType).toBe('error-too-many-requests');
    expect(again.body.error).toMatch(/^Error, too many requests\. Please slow down\. You must wait \d+ seconds/);
  });

  it('refuses unknown keys, a missing data object and an invalid status', async () => {
    const { credentials } = await createUserAndLogin();
    const extra = await post('users.updateOwnBasicInfo', credentials.headers, { data: { roles: ['admin'] } });
    expect(extra.status).toBe(400);
    expect(extra.body.errorType).toBe('invalid-params');
    const missing = await post('users.updateOwnBasicInfo', credentials.headers, {}).expect(400);
    expect(missing.body.error).toBe("must have required property 'data' [invalid-params]");
    const status = await post('users.updateOwnBasicInfo', credentials.headers, { data: { statusType: 'sleepy' } });
    expect(status.status).toBe(400);
    expect(status.body.errorType).toBe('error-invalid-status');
  });

  it('needs a login', async () => {
    await request().post('/api/v1/users.updateOwnBasicInfo').send({ data: {} }).expect(401);
  });
});

describe('POST /api/v1/users.setActiveStatus', () => {
  it('deactivation ends the user’s sessions; reactivation lets the user log in again', async () => {
    const { user, credentials, password } = await createUserAndLogin();
    const headers = await adminHeaders();
    const res = await post('users.setActiveStatus', headers, { userId: user._id, activeStatus: false }).expect(200);
    expect(res.body).toEqual({ success: true, user: { _id: user._id, active: false } });
    await get('me', credentials.headers).expect(401);
    const refused = await request().post('/api/v1/login').send({ user: user.username, password }).expect(401);
    expect(refused.body.error).toBe('error-user-is-not-activated');
    await post('users.setActiveStatus', headers, { userId: user._id, activeStatus: true }).expect(200);
    await login(user.username, password);
  });

  it('refuses callers without edit-other-user-active-status (403)', async () => {
    const { credentials } = await createUserAndLogin();
    const other = await createUser();
    const res = await post('users.setActiveStatus', credentials.headers, {
      userId: other.user._id,
      activeStatus: false,
    }).expect(403);
    expect(res.body).toEqual({ success: false, error: 'unauthorized' });
  });

  it('refuses bad input and unknown users', async () => {
    const headers = await adminHeaders();
    const missing = await post('users.setActiveStatus', headers, { userId: 'x' }).expect(400);
    expect(missing.body.error).toBe("must have required property 'activeStatus' [invalid-params]");
    const unknown = await post('users.setActiveStatus', headers, { userId: 'nobody', activeStatus: false });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ success: false, error: 'User not found' });
  });

  it('hands over rooms the user is the last owner of, only when confirmed', async () => {
    const owner = await createUserAndLogin();
    const member = await createUser();
    const channel = await createChannel(owner.credentials.headers, unique('e2e-owned'), {
      members: [member.user.username],
    });
    const headers = await adminHeaders();
    const refused = await post('users.setActiveStatus', headers, { userId: owner.user._id, activeStatus: false });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      success: false,
      error: '[user-last-owner]',
      errorType: 'user-last-owner',
      details: { shouldBeRemoved: [], shouldChangeOwner: [channel.name] },
    });
    await post('users.setActiveStatus', headers, {
      userId: owner.user._id,
      activeStatus: false,
      confirmRelinquish: true,
    }).expect(200);
    const owners = await get('roles.getUsersInRole', headers, { role: 'owner', roomId: channel._id }).expect(200);
    expect(owners.body.users.map((u: { _id: string }) => u._id)).toContain(member.user._id);
  });
});

describe('the last admin', () => {
  it('can be neither deactivated nor deleted', async () => {
    const headers = await adminHeaders();
    const adminId = (await get('me', headers).expect(200)).body._id as string;
    // leave a single admin: other admins (from any test file) lose the role
    const admins = await get('roles.getUsersInRole', headers, { role: 'admin', count: '0' }).expect(200);
    for (const other of admins.body.users as { _id: string }[]) {
      if (other._id !== adminId) {
        const info = await get('users.info', headers, { userId: other._id }).expect(200);
        const roles = (info.body.user.roles as string[]).filter((r) => r !== 'admin');
        await post('users.update', await adminWith2fa(), {
          userId: other._id,
          data: { roles: roles.length ? roles : ['user'] },
        }).expect(200);
      }
    }
    const deactivate = await post('users.setActiveStatus', headers, {
      userId: adminId,
      activeStatus: false,
      confirmRelinquish: true,
    }).expect(400);
    expect(deactivate.body).toEqual({
      success: false,
      error: 'Leaving the app without an active admin is not allowed [error-action-not-allowed]',
      errorType: 'error-action-not-allowed',
      details: { method: 'removeUserFromRole', action: 'Remove_last_admin' },
    });
    const remove = await post('users.delete', headers, { userId: adminId, confirmRelinquish: true }).expect(400);
    expect(remove.body).toEqual({
      success: false,
      error: 'Leaving the app without admins is not allowed [error-action-not-allowed]',
      errorType: 'error-action-not-allowed',
      details: { method: 'deleteUser', action: 'Remove_last_admin' },
    });
    await get('me', headers).expect(200);
    await login(adminCredentials().username, adminCredentials().password);
  });
});

describe('POST /api/v1/users.delete', () => {
  it('removes the user, their subscriptions and sessions', async () => {
    const headers = await adminHeaders();
    const { user, credentials } = await createUserAndLogin();
    const channel = await createChannel(headers, unique('e2e-del'), { members: [user.username] });
    const before = (await get('channels.info', headers, { roomId: channel._id }).expect(200)).body.channel;
    const res = await post('users.delete', headers, { username: user.username }).expect(200);
    expect(res.body).toEqual({ success: true });
    await get('me', credentials.headers).expect(401);
    const info = await get('users.info', headers, { userId: user._id }).expect(400);
    expect(info.body.error).toBe('User not found.');
    const after = (await get('channels.info', headers, { roomId: channel._id }).expect(200)).body.channel;
    expect(after.usersCount).toBe(before.usersCount - 1);
  });

  it('refuses callers without delete-user (403)', async () => {
    const { credentials } = await createUserAndLogin();
    const other = await createUser();
    const res = await post('users.delete', credentials.headers, { userId: other.user._id }).expect(403);
    expect(res.body).toEqual({ success: false, error: 'unauthorized' });
  });

  it('refuses a missing or unknown user, and rocket.cat', async () => {
    const headers = await adminHeaders();
    const missing = await post('users.delete', headers, {}).expect(400);
    expect(missing.body.errorType).toBe('error-user-param-not-provided');
    const unknown = await post('users.delete', headers, { userId: 'nobody' }).expect(400);
    expect(unknown.body.errorType).toBe('error-invalid-user');
    const cat = await post('users.delete', headers, { userId: 'rocket.cat' }).expect(400);
    expect(cat.body.error).toBe('Deleting the rocket.cat user is not allowed [error-action-not-allowed]');
  });
});

describe('POST /api/v1/users.deleteOwnAccount', () => {
  afterAll(async () => {
    await setSetting('Accounts_AllowDeleteOwnAccount', false);
  });

  it('is off by default (Accounts_AllowDeleteOwnAccount)', async () => {
    const { credentials, password } = await createUserAndLogin();
    const res = await post('users.deleteOwnAccount', credentials.headers, { password: sha256(password) }).expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'Not allowed [error-not-allowed]',
      errorType: 'error-not-allowed',
    });
  });

  it('deletes the caller’s account given the password, when allowed', async () => {
    await setSetting('Accounts_AllowDeleteOwnAccount', true);
    const { user, credentials, password } = await createUserAndLogin();
    const missing = await post('users.deleteOwnAccount', credentials.headers, {}).expect(400);
    expect(missing.body).toEqual({ success: false, error: 'Body parameter "password" is required.' });
    const wrong = await post('users.deleteOwnAccount', credentials.headers, { password: sha256('nope') }).expect(400);
    expect(wrong.body).toEqual({
      success: false,
      error: 'Invalid password [error-invalid-password]',
      errorType: 'error-invalid-password',
      details: { method: 'deleteUserOwnAccount' },
    });
    await post('users.deleteOwnAccount', credentials.headers, { password: sha256(password) }).expect(200);
    await get('me', credentials.headers).expect(401);
    const info = await get('users.info', await adminHeaders(), { userId: user._id }).expect(400);
    expect(info.body.error).toBe('User not found.');
  });
});

describe('GET /api/v1/users.presence', () => {
  it('lists users who are not offline, all or by id', async () => {
    const { credentials } = await createUserAndLogin();
    const all = await get('users.presence', credentials.headers).expect(200);
    expect(all.body.full).toBe(true);
    expect(all.body.users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ _id: 'rocket.cat', username: 'rocket.cat', status: 'online' }),
      ]),
    );
    const byId = await get('users.presence', credentials.headers, { ids: `rocket.cat,${credentials.userId}` });
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual({ success: true, full: false, users: [expect.objectContaining({ _id: 'rocket.cat' })] });
  });

  it('with a recent `from`, lists only users changed since', async () => {
    const { credentials } = await createUserAndLogin();
    const from = new Date(Date.now() - 1000).toISOString();
    const changed = await createUser();
    const res = await get('users.presence', credentials.headers, { from }).expect(200);
    expect(res.body.full).toBe(false);
    const ids = res.body.users.map((u: { _id: string }) => u._id);
    expect(ids).toContain(changed.user._id);
    expect(ids).not.toContain('rocket.cat');
  });

  it('needs a login and is a GET route', async () => {
    await request().get('/api/v1/users.presence').expect(401);
    await post('users.presence', await adminHeaders(), {}).expect(405);
  });
});

describe('GET /api/v1/users.getPresence', () => {
  it('answers the caller’s presence with connection status and last login', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await get('users.getPresence', credentials.headers).expect(200);
    expect(res.body).toEqual({
      success: true,
      presence: 'offline',
      connectionStatus: 'offline',
      lastLogin: expect.any(String),
    });
  });

  it('answers only the presence of another user', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await get('users.getPresence', credentials.headers, { username: 'rocket.cat' }).expect(200);
    expect(res.body).toEqual({ success: true, presence: 'online' });
  });

  it('refuses an unknown user and needs a login', async () => {
    const res = await get('users.getPresence', await adminHeaders(), { userId: 'nobody' }).expect(400);
    expect(res.body.errorType).toBe('error-invalid-user');
    await request().get('/api/v1/users.getPresence').expect(401);
  });
});

describe('users.getPreferences / users.setPreferences', () => {
  it('answers Rocket.Chat’s defaults under the user’s own preferences', async () => {
    const { credentials } = await createUserAndLogin();
    const initial = await get('users.getPreferences', credentials.headers).expect(200);
    expect(initial.body.preferences).toEqual(
      expect.objectContaining({ useEmojis: true, sidebarViewMode: 'medium', emailNotificationMode: 'mentions' }),
    );
    const saved = await post('users.setPreferences', credentials.headers, {
      data: { useEmojis: false, language: 'de', emailNotificationMode: 'disabled', highlights: ['deploy'] },
    }).expect(200);
    expect(saved.body.user).toEqual({
      _id: credentials.userId,
      settings: {
        preferences: expect.objectContaining({
          useEmojis: false,
          language: 'de',
          emailNotificationMode: 'nothing',
          highlights: ['deploy'],
        }),
      },
    });
    const after = await get('users.getPreferences', credentials.headers).expect(200);
    expect(after.body.preferences).toEqual(
      expect.objectContaining({ useEmojis: false, sidebarViewMode: 'medium', language: 'de' }),
    );
  });

  it('refuses unknown preference keys and wrong types', async () => {
    const { credentials } = await createUserAndLogin();
    const unknown = await post('users.setPreferences', credentials.headers, { data: { favouriteColour: 'red' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      success: false,
      error: 'must NOT have additional properties [invalid-params]',
      errorType: 'invalid-params',
    });
    const wrong = await post('users.setPreferences', credentials.headers, { data: { useEmojis: 'maybe' } });
    expect(wrong.body.error).toBe('must be boolean [invalid-params]');
    const missing = await post('users.setPreferences', credentials.headers, {}).expect(400);
    expect(missing.body.errorType).toBe('invalid-params');
  });

  it('others’ preferences need edit-other-user-info', async () => {
    const { credentials } = await createUserAndLogin();
    const other = await createUser();
    const res = await post('users.setPreferences', credentials.headers, {
      userId: other.user._id,
      data: { useEmojis: false },
    }).expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'Editing user is not allowed [error-action-not-allowed]',
      errorType: 'error-action-not-allowed',
    });
    const byAdmin = await post('users.setPreferences', await adminHeaders(), {
      userId: other.user._id,
      data: { useEmojis: false },
    }).expect(200);
    expect(byAdmin.body.user._id).toBe(other.user._id);
    const unknown = await post('users.setPreferences', await adminHeaders(), { userId: 'nobody', data: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errorType).toBe('error-invalid-user');
  });

  it('needs a login', async () => {
    await request().get('/api/v1/users.getPreferences').expect(401);
    await request().post('/api/v1/users.setPreferences').send({ data: {} }).expect(401);
  });
});

describe('GET /api/v1/users.getUsernameSuggestion', () => {
  it('derives a free, valid username from the caller’s name', async () => {
    const token = unique('q').split('.').slice(1).join('');
    const { credentials } = await createUserAndLogin({ name: `Pat Zq${token}` });
    const first = await get('users.getUsernameSuggestion', credentials.headers).expect(200);
    expect(first.body).toEqual({ success: true, result: `pat.zq${token}` });
    await createUser({ username: `pat.zq${token}` });
    const second = await get('users.getUsernameSuggestion', credentials.headers).expect(200);
    expect(second.body.result).toBe(`pzq${token}`);
    expect(second.body.result).toMatch(/^[0-9a-zA-Z-_.]+$/);
  });

  it('falls back to a numbered name', async () => {
    const { credentials } = await createUserAndLogin({ name: '!!!' });
    const res = await get('users.getUsernameSuggestion', credentials.headers).expect(200);
    expect(res.body.result).toMatch(/^user-\d+$/);
  });

  it('needs a login and is a GET route', async () => {
    await request().get('/api/v1/users.getUsernameSuggestion').expect(401);
    await post('users.getUsernameSuggestion', await adminHeaders(), {}).expect(405);
  });
});
