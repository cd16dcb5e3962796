/** login in every body form, logout, me (OAuth logins and failed-login blocking: authentication-oauth). */
import { adminCredentials, createUser, login, request, sha256 } from './helpers/api';

describe('POST /api/v1/login', () => {
  let username: string;
  let email: string;
  const password = 'rocket.chat';

  beforeAll(async () => {
    const { user } = await createUser();
    username = user.username;
    email = (user.emails as { address: string }[])[0].address;
  });

  const forms: [string, () => Record<string, unknown>][] = [
    ['{user, password}', () => ({ user: username, password })],
    ['{user: email, password}', () => ({ user: email, password })],
    ['{username, password}', () => ({ username, password })],
    ['{email, password}', () => ({ email, password })],
    ['{user: {username}, password}', () => ({ user: { username }, password })],
    ['{user: {email}, password}', () => ({ user: { email }, password })],
    ['password {hashed}', () => ({ user: username, password: { hashed: sha256(password) } })],
    [
      'password {digest, algorithm}',
      () => ({ user: username, password: { digest: sha256(password), algorithm: 'sha-256' } }),
    ],
  ];

  it.each(forms)('logs in with %s', async (_name, body) => {
    const res = await request().post('/api/v1/login').send(body()).expect(200);
    expect(res.body.status).toBe('success');
    expect(res.body.data).toEqual(
      expect.objectContaining({
        userId: expect.any(String),
        authToken: expect.any(String),
        me: expect.objectContaining({ username }),
      }),
    );
    expect(res.body.data.me.services).toEqual({
      password: { exists: true },
      totp: { enabled: false },
      email2fa: { enabled: false },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/bcrypt|hashedToken|loginTokens/);
  });

  it('logs in with a form-encoded body', async () => {
    const res = await request().post('/api/v1/login').type('form').send({ user: username, password }).expect(200);
    expect(res.body.data.userId).toEqual(expect.any(String));
  });

  it('logs in with {resume: token}', async () => {
    const first = await login(username, password);
    const res = await request().post('/api/v1/login').send({ resume: first.authToken }).expect(200);
    expect(res.body.data.userId).toBe(first.userId);
  });

  it('masks a wrong password and an unknown user the same way', async () => {
    const wrong = await request().post('/api/v1/login').send({ user: username, password: 'nope' }).expect(401);
    const unknown = await request()
      .post('/api/v1/login')
      .send({ user: 'no.such.user.e2e', password: 'nope' })
      .expect(401);
    expect(wrong.body).toEqual({ status: 'error', error: 'Unauthorized', message: 'Unauthorized' });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('refuses a body without credentials', async () => {
    const res = await request().post('/api/v1/login').send({ foo: 'bar' }).expect(401);
    expect(res.body.status).toBe('error');
  });

  it('answers an OAuth login for an unconfigured service as Rocket.Chat does', async () => {
    // the e2e environment configures Google and Twitter (test/accounts.e2e-spec.ts), not Facebook
    const res = await request()
      .post('/api/v1/login')
      .send({ serviceName: 'facebook', accessToken: 'x', secret: 'y', expiresIn: 200 })
      .expect(401);
    expect(res.body).toEqual(expect.objectContaining({ status: 'error', message: 'Service not configured' }));
  });

  it('refuses malformed JSON with a 400 envelope', async () => {
    const res = await request()
      .post('/api/v1/login')
      .set('Content-Type', 'application/json')
      .send('{"user": ')
      .expect(400);
    expect(res.body.success).toBe(false);
    expect(res.body.error).toEqual(expect.any(String));
  });
});

describe('GET /api/v1/me and logout', () => {
  it('returns the caller without secrets', async () => {
    const { username, password } = adminCredentials();
    const creds = await login(username, password);
    const res = await request()
      .get('/api/v1/me')
      .set({ ...creds.headers })
      .expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        _id: creds.userId,
        username,
        roles: expect.arrayContaining(['admin']),
        active: true,
        avatarUrl: expect.stringContaining(`/avatar/${username}`),
        success: true,
      }),
    );
    expect(res.body.services).toEqual({
      password: { exists: true },
      totp: { enabled: false },
      email2fa: { enabled: false },
    });
  });

  it('answers 401 without credentials, with a wrong token, or a token of another user', async () => {
    const creds = await login(adminCredentials().username, adminCredentials().password);
    for (const headers of [
      {},
      { 'X-User-Id': creds.userId, 'X-Auth-Token': 'wrong' },
      { 'X-User-Id': 'someone-else', 'X-Auth-Token': creds.authToken },
    ]) {
      const res = await request().get('/api/v1/me').set(headers).expect(401);
      expect(res.body).toEqual(
        expect.objectContaining({ status: 'error', message: 'You must be logged in to do this.' }),
      );
    }
  });

  it('logs out (POST) and the token stops working on every request after', async () => {
    const { user, password } = await createUser();
    const creds = await login(user.username, password);
    const other = await login(user.username, password);
    await request()
      .get('/api/v1/me')
      .set({ ...creds.headers })
      .expect(200);
    const res = await request()
      .post('/api/v1/logout')
      .set({ ...creds.headers })
      .expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({ status: 'success', data: { message: "You've been logged out!" } }),
    );
    await request()
      .get('/api/v1/me')
      .set({ ...creds.headers })
      .expect(401);
    // only the token used is removed
    await request()
      .get('/api/v1/me')
      .set({ ...other.headers })
      .expect(200);
  });

  it('still answers the deprecated GET logout', async () => {
    const { user, password } = await createUser();
    const creds = await login(user.username, password);
    await request()
      .get('/api/v1/logout')
      .set({ ...creds.headers })
      .expect(200);
    await request()
      .get('/api/v1/me')
      .set({ ...creds.headers })
      .expect(401);
  });

  it('refuses logout without a login', async () => {
    await request().post('/api/v1/logout').expect(401);
  });
});
