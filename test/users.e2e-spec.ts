/** users.create, users.info, users.list. */
import { adminHeaders, createUser, createUserAndLogin, login, request, unique } from './helpers/api';

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
