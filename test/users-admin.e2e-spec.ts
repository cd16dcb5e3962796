/**
 * users.*, editing and lifecycle: users.update, users.updateOwnBasicInfo, users.setActiveStatus, users.delete,
 * users.deleteOwnAccount, and the last admin.
 */
import {
  adminCredentials,
  adminHeaders,
  adminWith2fa,
  createChannel,
  createUser,
  createUserAndLogin,
  get,
  login,
  post,
  request,
  sha256,
  unique,
} from './helpers/api';
import { setSetting, withSettings } from './helpers/settings';

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

describe('reserved usernames', () => {
  const RESERVED = ['admin', 'administrator', 'system', 'user', 'Administrator'];
  const blocked = (username: string) => ({
    success: false,
    error: `${username} is blocked and can't be used! [error-blocked-username]`,
    errorType: 'error-blocked-username',
    details: { method: 'checkUsernameAvailability', field: username },
  });

  it('users.update refuses each of them, for an admin too, and keeps the old name', async () => {
    const { user } = await createUser();
    for (const username of RESERVED) {
      const res = await post('users.update', await adminWith2fa(), { userId: user._id, data: { username } });
      expect([res.status, res.body]).toEqual([400, blocked(username)]);
    }
    const info = await get('users.info', await adminHeaders(), { userId: user._id }).expect(200);
    expect(info.body.user.username).toBe(user.username);
  });

  it('users.updateOwnBasicInfo refuses each of them, and keeps the old name', async () => {
    const { user, credentials } = await createUserAndLogin();
    for (const username of RESERVED) {
      const res = await post('users.updateOwnBasicInfo', credentials.headers, { data: { username } });
      expect([res.status, res.body]).toEqual([400, blocked(username)]);
    }
    const me = await get('me', credentials.headers).expect(200);
    expect(me.body.username).toBe(user.username);
  });

  it('follows Accounts_BlockedUsernameList at once', async () => {
    const { user, credentials } = await createUserAndLogin();
    const name = unique('e2e.blocked');
    await withSettings({ Accounts_BlockedUsernameList: name }, async () => {
      const res = await post('users.updateOwnBasicInfo', credentials.headers, { data: { username: name } });
      expect([res.status, res.body]).toEqual([400, blocked(name)]);
    });
    const res = await post('users.updateOwnBasicInfo', credentials.headers, { data: { username: name } }).expect(200);
    expect(res.body.user).toMatchObject({ _id: user._id, username: name });
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
