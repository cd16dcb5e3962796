/**
 * users.create, users.info, users.list, and finding users: users.listByStatus, users.autocomplete,
 * users.checkUsernameAvailability, users.listTeams.
 */
import { adminHeaders, createUser, createUserAndLogin, get, login, request, unique } from './helpers/api';
import { withSettings } from './helpers/settings';

describe('POST /api/v1/users.create', () => {
  it('creates a user who can log in; the answer has no secrets', async () => {
    const username = unique('e2e.create');
    const res = await request()
      .post('/api/v1/users.create')
      .set({ ...(await adminHeaders()) })
      .send({ username, email: `${username}@e2e.test`, name: 'Created', password: 'pw-1234' })
      .expect(200);
    expect(res.body.success).toBe(true);
    expect(res.body.user).toEqual(
      expect.objectContaining({
        _id: expect.any(String),
        username,
        name: 'Created',
        roles: ['user'],
        active: true,
        type: 'user',
      }),
    );
    expect(res.body.user.services).toBeUndefined();
    await login(username, 'pw-1234');
  });

  it('refuses a missing required property with invalid-params', async () => {
    const res = await request()
      .post('/api/v1/users.create')
      .set({ ...(await adminHeaders()) })
      .send({ username: unique('e2e.x'), name: 'x', password: 'x' })
      .expect(400);
    expect(res.body).toEqual({
      success: false,
      error: "must have required property 'email' [invalid-params]",
      errorType: 'invalid-params',
    });
  });

  it('refuses wrong types and unknown keys', async () => {
    const headers = await adminHeaders();
    const wrongType = await request()
      .post('/api/v1/users.create')
      .set({ ...headers })
      .send({ username: 5, email: 'a@b.c', name: 'x', password: 'x' })
      .expect(400);
    expect(wrongType.body.errorType).toBe('invalid-params');
    expect(wrongType.body.error).toContain('must be string');
    const extra = await request()
      .post('/api/v1/users.create')
      .set({ ...headers })
      .send({ username: unique('e2e.x'), email: `${unique('x')}@e2e.test`, name: 'x', password: 'x', isAdmin: true })
      .expect(400);
    expect(extra.body.error).toContain('must NOT have additional properties');
  });

  it('refuses a duplicate username or email', async () => {
    const { user } = await createUser();
    const headers = await adminHeaders();
    const dupName = await request()
      .post('/api/v1/users.create')
      .set({ ...headers })
      .send({ username: user.username, email: `${unique('x')}@e2e.test`, name: 'x', password: 'x' })
      .expect(400);
    expect(dupName.body.errorType).toBe('error-field-unavailable');
    expect(dupName.body.error).toBe(`${user.username} is already in use :( [error-field-unavailable]`);
    const email = (user.emails as { address: string }[])[0].address;
    const dupMail = await request()
      .post('/api/v1/users.create')
      .set({ ...headers })
      .send({ username: unique('e2e.x'), email, name: 'x', password: 'x' })
      .expect(400);
    expect(dupMail.body.errorType).toBe('error-field-unavailable');
  });

  it('refuses an invalid username', async () => {
    const res = await request()
      .post('/api/v1/users.create')
      .set({ ...(await adminHeaders()) })
      .send({ username: 'bad name!', email: `${unique('x')}@e2e.test`, name: 'x', password: 'x' })
      .expect(400);
    expect(res.body.errorType).toBe('error-input-is-not-a-valid-field');
  });

  it("refuses Rocket.Chat's reserved usernames (Accounts_SystemBlockedUsernameList), whatever their case", async () => {
    const headers = await adminHeaders();
    for (const username of ['admin', 'administrator', 'system', 'user', 'SYSTEM', 'here']) {
      const res = await request()
        .post('/api/v1/users.create')
        .set({ ...headers })
        .send({ username, email: `${unique('x')}@e2e.test`, name: 'x', password: 'x' })
        .expect(400);
      expect(res.body).toEqual({
        success: false,
        error: `${username} is blocked and can't be used! [error-blocked-username]`,
        errorType: 'error-blocked-username',
        details: { method: 'checkUsernameAvailability', field: username },
      });
    }
  });

  it('refuses a caller without create-user (400 error-action-not-allowed)', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await request()
      .post('/api/v1/users.create')
      .set({ ...credentials.headers })
      .send({ username: unique('e2e.x'), email: `${unique('x')}@e2e.test`, name: 'x', password: 'x' })
      .expect(400);
    expect(res.body).toEqual(expect.objectContaining({ success: false, errorType: 'error-action-not-allowed' }));
    expect(res.body.error).toBe('Adding user is not allowed [error-action-not-allowed]');
  });

  it('refuses an anonymous caller', async () => {
    await request().post('/api/v1/users.create').send({}).expect(401);
  });

  it('joins the new user to the default channel', async () => {
    const { user } = await createUser();
    const res = await request()
      .get('/api/v1/users.info')
      .query({ userId: user._id, includeUserRooms: 'true' })
      .set({ ...(await adminHeaders()) })
      .expect(200);
    expect(res.body.user.rooms).toEqual(
      expect.arrayContaining([expect.objectContaining({ rid: 'GENERAL', name: 'general' })]),
    );
  });
});

describe('GET /api/v1/users.info', () => {
  it('finds a user by id or username', async () => {
    const { user } = await createUser();
    const headers = await adminHeaders();
    const byId = await request()
      .get('/api/v1/users.info')
      .query({ userId: user._id })
      .set({ ...headers })
      .expect(200);
    expect(byId.body.user).toEqual(expect.objectContaining({ _id: user._id, username: user.username }));
    const byName = await request()
      .get('/api/v1/users.info')
      .query({ username: user.username.toUpperCase() })
      .set({ ...headers })
      .expect(200);
    expect(byName.body.user._id).toBe(user._id);
    expect(byName.body.user.services).toBeUndefined();
  });

  it('shows another user only public fields to a plain user', async () => {
    const { user } = await createUser();
    const { credentials } = await createUserAndLogin();
    const res = await request()
      .get('/api/v1/users.info')
      .query({ userId: user._id })
      .set({ ...credentials.headers })
      .expect(200);
    expect(res.body.user).toEqual(expect.objectContaining({ _id: user._id, username: user.username }));
    expect(res.body.user.emails).toBeUndefined();
    expect(res.body.user.roles).toBeUndefined();
  });

  it('requires userId or username', async () => {
    const res = await request()
      .get('/api/v1/users.info')
      .set({ ...(await adminHeaders()) })
      .expect(400);
    expect(res.body.errorType).toBe('error-user-param-not-provided');
  });

  it('answers an unknown user with "User not found."', async () => {
    const res = await request()
      .get('/api/v1/users.info')
      .query({ userId: 'no-such-user' })
      .set({ ...(await adminHeaders()) })
      .expect(400);
    expect(res.body).toEqual({ success: false, error: 'User not found.' });
  });
});

describe('GET /api/v1/users.list', () => {
  it('pages with count/offset/total and default sort by username', async () => {
    await createUser();
    await createUser();
    const headers = await adminHeaders();
    const res = await request()
      .get('/api/v1/users.list')
      .query({ count: 2, offset: 1 })
      .set({ ...headers })
      .expect(200);
    expect(res.body.users).toHaveLength(2);
    expect(res.body).toEqual(
      expect.objectContaining({ count: 2, offset: 1, total: expect.any(Number), success: true }),
    );
    const all = await request()
      .get('/api/v1/users.list')
      .query({ count: 0 })
      .set({ ...headers })
      .expect(200);
    const names = all.body.users.map((u: { username: string }) => u.username);
    expect(names).toEqual([...names].sort());
    expect(all.body.total).toBe(all.body.users.length);
    for (const u of all.body.users) {
      expect(u.services).toBeUndefined();
    }
  });

  it('caps count at API_Upper_Count_Limit', async () => {
    const res = await request()
      .get('/api/v1/users.list')
      .query({ count: 5000 })
      .set({ ...(await adminHeaders()) })
      .expect(200);
    expect(res.body.count).toBeLessThanOrEqual(100);
  });

  it('filters with an allow-listed query and selects fields', async () => {
    const { user } = await createUser();
    const res = await request()
      .get('/api/v1/users.list')
      .query({
        query: JSON.stringify({ username: { $regex: `^${user.username.replace(/\./g, '\\.')}$` } }),
        fields: JSON.stringify({ nickname: 1 }),
      })
      .set({ ...(await adminHeaders()) })
      .expect(200);
    expect(res.body.total).toBe(1);
    expect(res.body.users[0]).toEqual(
      expect.objectContaining({ _id: user._id, username: user.username, roles: ['user'] }),
    );
  });

  it.each([
    ['$where', { $where: 'sleep(100)' }],
    ['$function nested', { username: { $function: { body: 'return true', args: [], lang: 'js' } } }],
    ['$expr', { $expr: { $eq: ['$username', 'admin'] } }],
    ['a secret field', { 'services.password.bcrypt': { $exists: true } }],
  ])('refuses a query with %s', async (_name, query) => {
    const res = await request()
      .get('/api/v1/users.list')
      .query({ query: JSON.stringify(query) })
      .set({ ...(await adminHeaders()) })
      .expect(400);
    expect(res.body).toEqual(expect.objectContaining({ success: false, errorType: 'error-invalid-query' }));
  });

  it('refuses bad sort, fields and query JSON', async () => {
    const headers = await adminHeaders();
    const sort = await request()
      .get('/api/v1/users.list')
      .query({ sort: '{"username":2}' })
      .set({ ...headers })
      .expect(400);
    expect(sort.body.errorType).toBe('error-invalid-sort');
    const fields = await request()
      .get('/api/v1/users.list')
      .query({ fields: '{oops' })
      .set({ ...headers })
      .expect(400);
    expect(fields.body.errorType).toBe('error-invalid-fields');
    const query = await request()
      .get('/api/v1/users.list')
      .query({ query: '[1,2' })
      .set({ ...headers })
      .expect(400);
    expect(query.body.errorType).toBe('error-invalid-query');
    const count = await request()
      .get('/api/v1/users.list')
      .query({ count: 'many' })
      .set({ ...headers })
      .expect(400);
    expect(count.body.errorType).toBe('invalid-params');
  });

  it('hides emails and roles from callers without view-full-other-user-info', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await request()
      .get('/api/v1/users.list')
      .set({ ...credentials.headers })
      .expect(200);
    for (const u of res.body.users) {
      expect(u.emails).toBeUndefined();
      expect(u.roles).toBeUndefined();
    }
  });

  it('refuses to filter or sort by hidden fields for callers without view-full-other-user-info', async () => {
    const { credentials } = await createUserAndLogin();
    const byMail = await request()
      .get('/api/v1/users.list')
      .query({ query: JSON.stringify({ 'emails.address': { $regex: '^a' } }) })
      .set({ ...credentials.headers })
      .expect(400);
    expect(byMail.body.errorType).toBe('error-invalid-query');
    const byRole = await request()
      .get('/api/v1/users.list')
      .query({ sort: JSON.stringify({ roles: 1 }) })
      .set({ ...credentials.headers })
      .expect(400);
    expect(byRole.body.errorType).toBe('error-invalid-sort');
  });

  it('answers 401 to anonymous callers', async () => {
    await request().get('/api/v1/users.list').expect(401);
  });
});

describe('GET /api/v1/users.listByStatus', () => {
  it('lists users by activation state, login and role, searched by term, paged', async () => {
    const token = unique('lbs').split('.').slice(1).join('');
    const active = await createUserAndLogin({ name: `Active ${token}` });
    const inactive = await createUser({ name: `Inactive ${token}`, active: false });
    const never = await createUser({ name: `Never ${token}` });
    const h = await adminHeaders();
    const all = await request()
      .get('/api/v1/users.listByStatus')
      .query({ searchTerm: token })
      .set({ ...h })
      .expect(200);
    expect(all.body).toMatchObject({ success: true, offset: 0, total: 3, count: 3 });
    expect(all.body.users.map((u: { _id: string }) => u._id).sort()).toEqual(
      [active.user._id, inactive.user._id, never.user._id].sort(),
    );
    expect(all.body.users[0]).toEqual(expect.objectContaining({ emails: expect.any(Array), roles: ['user'] }));
    const byStatus = await request()
      .get('/api/v1/users.listByStatus')
      .query({ searchTerm: token, status: 'deactivated' })
      .set({ ...h })
      .expect(200);
    expect(byStatus.body.users.map((u: { _id: string }) => u._id)).toEqual([inactive.user._id]);
    const loggedIn = await request()
      .get('/api/v1/users.listByStatus')
      .query({ searchTerm: token, hasLoggedIn: 'true', 'roles[]': 'user' })
      .set({ ...h })
      .expect(200);
    expect(loggedIn.body.users.map((u: { _id: string }) => u._id)).toEqual([active.user._id]);
    const page = await request()
      .get('/api/v1/users.listByStatus')
      .query({ searchTerm: token, count: 1, offset: 1, sort: '{"name":1}' })
      .set({ ...h })
      .expect(200);
    expect(page.body).toMatchObject({ count: 1, offset: 1, total: 3 });
    expect(page.body.users[0]._id).toBe(inactive.user._id);
  });

  it('hides e-mails and roles from callers without view-full-other-user-info', async () => {
    const token = unique('lbs').split('.').slice(1).join('');
    await createUser({ name: `Hidden ${token}` });
    const { credentials } = await createUserAndLogin();
    const res = await get('users.listByStatus', credentials.headers, { searchTerm: token }).expect(200);
    expect(res.body.users).toHaveLength(1);
    expect(res.body.users[0].emails).toBeUndefined();
    expect(res.body.users[0].roles).toBeUndefined();
    const sortHidden = await get('users.listByStatus', credentials.headers, { sort: '{"emails":1}' });
    expect(sortHidden.status).toBe(400);
  });

  it('refuses an unknown status, unknown parameters and anonymous callers', async () => {
    const h = await adminHeaders();
    const status = await get('users.listByStatus', h, { status: 'sleeping' }).expect(400);
    expect(status.body.errorType).toBe('invalid-params');
    const extra = await get('users.listByStatus', h, { colour: 'red' }).expect(400);
    expect(extra.body.errorType).toBe('invalid-params');
    await request().get('/api/v1/users.listByStatus').expect(401);
  });
});

describe('GET /api/v1/users.autocomplete', () => {
  it('finds active users by username or name, the caller and exceptions left out, at most ten', async () => {
    const token = unique('ac').split('.').slice(1).join('');
    const { user, credentials } = await createUserAndLogin({ name: `Seeker ${token}` });
    const a = await createUser({ name: `Alpha ${token}` });
    const b = await createUser({ username: `${token}.bravo` });
    await createUser({ name: `Gone ${token}`, active: false });
    const res = await get('users.autocomplete', await adminHeaders(), {
      selector: JSON.stringify({ term: token, exceptions: [b.user.username] }),
    }).expect(200);
    const names = res.body.items.map((u: { username: string }) => u.username);
    expect(names.sort()).toEqual([a.user.username, user.username].sort());
    expect(res.body.items[0]).toEqual(
      expect.objectContaining({ _id: expect.any(String), username: expect.any(String), status: expect.any(String) }),
    );
    expect(res.body.items[0].emails).toBeUndefined();
    const mine = await get('users.autocomplete', credentials.headers, {
      selector: JSON.stringify({ term: token }),
    }).expect(200);
    expect(mine.body.items.map((u: { username: string }) => u.username)).not.toContain(user.username);
    for (let i = 0; i < 11; i++) {
      await createUser({ name: `Many ${token}` });
    }
    const many = await get('users.autocomplete', credentials.headers, {
      selector: JSON.stringify({ term: `Many ${token}` }),
    }).expect(200);
    expect(many.body.items).toHaveLength(10);
  });

  it('refuses a missing or non-JSON selector, unknown selector keys and anonymous callers', async () => {
    const h = await adminHeaders();
    const missing = await get('users.autocomplete', h).expect(400);
    expect(missing.body.errorType).toBe('invalid-params');
    const notJson = await get('users.autocomplete', h, { selector: '{term:' }).expect(400);
    expect(notJson.body.errorType).toBe('invalid-params');
    const extra = await get('users.autocomplete', h, { selector: '{"term":"a","$where":"1"}' }).expect(400);
    expect(extra.body.errorType).toBe('invalid-params');
    const badCondition = await get('users.autocomplete', h, {
      selector: JSON.stringify({ term: 'a', conditions: { 'services.password.bcrypt': { $exists: true } } }),
    });
    expect(badCondition.status).toBe(400);
    await request().get('/api/v1/users.autocomplete').query({ selector: '{}' }).expect(401);
  });
});

describe('GET /api/v1/users.checkUsernameAvailability', () => {
  it('answers whether a name is free, blocked names being refused', async () => {
    const { user, credentials } = await createUserAndLogin();
    const other = await createUser();
    const free = await get('users.checkUsernameAvailability', credentials.headers, {
      username: unique('e2e.free'),
    }).expect(200);
    expect(free.body).toEqual({ success: true, result: true });
    const own = await get('users.checkUsernameAvailability', credentials.headers, { username: user.username });
    expect(own.body).toEqual({ success: true, result: true });
    const taken = await get('users.checkUsernameAvailability', credentials.headers, {
      username: other.user.username.toUpperCase(),
    }).expect(200);
    expect(taken.body).toEqual({ success: true, result: false });
    const blocked = await get('users.checkUsernameAvailability', credentials.headers, { username: 'admin' });
    expect([blocked.status, blocked.body.errorType]).toEqual([400, 'error-blocked-username']);
  });

  it('refuses a missing or empty username, and anonymous callers', async () => {
    const { credentials } = await createUserAndLogin();
    const missing = await get('users.checkUsernameAvailability', credentials.headers).expect(400);
    expect(missing.body.errorType).toBe('invalid-params');
    const empty = await get('users.checkUsernameAvailability', credentials.headers, { username: '' }).expect(400);
    expect(empty.body.errorType).toBe('error-invalid-username');
    await request().get('/api/v1/users.checkUsernameAvailability').query({ username: 'x' }).expect(401);
  });

  it('follows Accounts_AllowUsernameChange for users who have a name', async () => {
    const { credentials } = await createUserAndLogin();
    await withSettings({ Accounts_AllowUsernameChange: false }, async () => {
      const res = await get('users.checkUsernameAvailability', credentials.headers, { username: unique('e2e.x') });
      expect([res.status, res.body.errorType]).toEqual([400, 'error-not-allowed']);
    });
  });
});

describe('GET /api/v1/users.listTeams', () => {
  it('answers an empty list while teams do not exist', async () => {
    const { user, credentials } = await createUserAndLogin();
    const res = await get('users.listTeams', credentials.headers, { userId: user._id }).expect(200);
    expect(res.body).toEqual({ success: true, teams: [] });
    expect(res.headers['content-type']).toBe('application/json');
  });

  it('needs a userId and a login', async () => {
    const { credentials } = await createUserAndLogin();
    const missing = await get('users.listTeams', credentials.headers).expect(400);
    expect(missing.body.errorType).toBe('invalid-params');
    const extra = await get('users.listTeams', credentials.headers, { userId: 'x', teamId: 'y' }).expect(400);
    expect(extra.body.errorType).toBe('invalid-params');
    await request().get('/api/v1/users.listTeams').query({ userId: 'x' }).expect(401);
  });
});
