/**
 * users.*, tokens: personal access tokens, users.createToken (the e2e environment sets
 * CREATE_TOKENS_FOR_USERS_SECRET, so every createToken call sends it), and ending sessions.
 */
import { createHash } from 'node:crypto';
import { Db, MongoClient } from 'mongodb';
import { adminHeaders, AuthHeaders, createUser, createUserAndLogin, login, post, request, unique } from './helpers/api';
import { readState } from './helpers/state';

const PAT_ROUTES = ['users.generatePersonalAccessToken', 'users.regeneratePersonalAccessToken'];
const tokenNotFound = (method: string) => ({
  success: false,
  error: 'Token does not exist [error-token-does-not-exists]',
  errorType: 'error-token-does-not-exists',
  details: { method: `personalAccessTokens:${method}` },
});

let mongo: MongoClient;
let db: Db;

beforeAll(async () => {
  mongo = await MongoClient.connect(readState().mongoUrl);
  db = mongo.db();
});

afterAll(async () => {
  await mongo?.close();
});

const me = (headers: AuthHeaders) =>
  request()
    .get('/api/v1/me')
    .set({ ...headers });

const patHeaders = (userId: string, token: string): AuthHeaders => ({ 'X-User-Id': userId, 'X-Auth-Token': token });

/** A user without `create-personal-access-tokens` (the guest role does not have it). */
async function guestLogin(): Promise<AuthHeaders> {
  const { user, password } = await createUser({ roles: ['guest'] });
  return (await login(user.username, password)).headers;
}

describe('personal access tokens', () => {
  let headers: AuthHeaders;
  let userId: string;

  beforeAll(async () => {
    const { credentials } = await createUserAndLogin();
    headers = credentials.headers;
    userId = credentials.userId;
  });

  const post = (route: string, body: Record<string, unknown>, h: AuthHeaders = headers) =>
    request()
      .post(`/api/v1/${route}`)
      .set({ ...h })
      .send(body);
  const list = (h: AuthHeaders = headers) =>
    request()
      .get('/api/v1/users.getPersonalAccessTokens')
      .set({ ...h });

  it('lists none at first', async () => {
    const res = await list().expect(200);
    expect(res.body).toEqual({ tokens: [], success: true });
  });

  it('generates a token shown once, stores it hashed, lists it without the secret', async () => {
    const tokenName = unique('pat');
    const res = await post('users.generatePersonalAccessToken', { tokenName }).expect(200);
    expect(res.body).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), success: true });
    const token = res.body.token as string;

    const listed = await list().expect(200);
    const entry = (listed.body.tokens as Record<string, unknown>[]).find((t) => t.name === tokenName);
    expect(entry).toEqual({
      name: tokenName,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      lastTokenPart: token.slice(-6),
      bypassTwoFactor: false,
    });
    expect(JSON.stringify(listed.body)).not.toContain(token);

    const user = await db.collection('users').findOne({ _id: userId as never });
    const stored = (user?.services?.resume?.loginTokens as Record<string, unknown>[]).find((t) => t.name === tokenName);
    expect(stored).toEqual({
      hashedToken: createHash('sha256').update(token).digest('base64'),
      type: 'personalAccessToken',
      createdAt: expect.any(Date),
      lastTokenPart: token.slice(-6),
      name: tokenName,
      bypassTwoFactor: false,
    });
    expect(JSON.stringify(user)).not.toContain(token);
  });

  it('works exactly like a login token in X-User-Id / X-Auth-Token', async () => {
    const res = await post('users.generatePersonalAccessToken', { tokenName: unique('pat') }).expect(200);
    const viaPat = patHeaders(userId, res.body.token as string);
    const mine = await me(viaPat).expect(200);
    expect(mine.body._id).toBe(userId);
    await list(viaPat).expect(200);
    await me(patHeaders('someone-else', res.body.token as string)).expect(401);
  });

  it('keeps bypassTwoFactor', async () => {
    const tokenName = unique('pat');
    await post('users.generatePersonalAccessToken', { tokenName, bypassTwoFactor: true }).expect(200);
    const listed = await list().expect(200);
    expect((listed.body.tokens as { name: string }[]).find((t) => t.name === tokenName)).toEqual(
      expect.objectContaining({ bypassTwoFactor: true }),
    );
  });

  it('refuses a second token with the same name', async () => {
    const tokenName = unique('pat');
    await post('users.generatePersonalAccessToken', { tokenName }).expect(200);
    const res = await post('users.generatePersonalAccessToken', { tokenName }).expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'A token with this name already exists [error-token-already-exists]',
      errorType: 'error-token-already-exists',
      details: { method: 'personalAccessTokens:generateToken' },
    });
  });

  it('lets two users use the same token name', async () => {
    const tokenName = unique('pat');
    const other = await createUserAndLogin();
    await post('users.generatePersonalAccessToken', { tokenName }).expect(200);
    await post('users.generatePersonalAccessToken', { tokenName }, other.credentials.headers).expect(200);
  });

  it.each([...PAT_ROUTES, 'users.removePersonalAccessToken'])(
    '%s: a missing tokenName is a plain 400',
    async (route) => {
      const res = await post(route, {}).expect(400);
      expect(res.body).toEqual({ success: false, error: "The 'tokenName' param is required" });
    },
  );

  it.each([...PAT_ROUTES, 'users.removePersonalAccessToken'])(
    '%s: wrong types and unknown keys are 400',
    async (route) => {
      const wrong = await post(route, { tokenName: 42 }).expect(400);
      expect(wrong.body).toEqual(expect.objectContaining({ success: false, errorType: 'invalid-params' }));
      const extra = await post(route, { tokenName: 'x', foo: 1 }).expect(400);
      expect(extra.body.errorType).toBe('invalid-params');
    },
  );

  it('regenerates: a new secret, the old one ends at once, bypassTwoFactor kept', async () => {
    const tokenName = unique('pat');
    const first = await post('users.generatePersonalAccessToken', { tokenName, bypassTwoFactor: true }).expect(200);
    const oldHeaders = patHeaders(userId, first.body.token as string);
    await me(oldHeaders).expect(200); // now cached by the gateway

    const res = await post('users.regeneratePersonalAccessToken', { tokenName }).expect(200);
    expect(res.body).toEqual({ token: expect.any(String), success: true });
    expect(res.body.token).not.toBe(first.body.token);

    await me(oldHeaders).expect(401);
    await me(patHeaders(userId, res.body.token as string)).expect(200);
    const listed = await list().expect(200);
    const mine = (listed.body.tokens as { name: string }[]).filter((t) => t.name === tokenName);
    expect(mine).toEqual([
      expect.objectContaining({ lastTokenPart: (res.body.token as string).slice(-6), bypassTwoFactor: true }),
    ]);
  });

  it('regenerating or removing an unknown token is error-token-does-not-exists', async () => {
    const tokenName = unique('nope');
    const regen = await post('users.regeneratePersonalAccessToken', { tokenName }).expect(400);
    expect(regen.body).toEqual(tokenNotFound('regenerateToken'));
    const removed = await post('users.removePersonalAccessToken', { tokenName }).expect(400);
    expect(removed.body).toEqual(tokenNotFound('removeToken'));
  });

  it('removes a token: it stops working at once and is no longer listed', async () => {
    const tokenName = unique('pat');
    const res = await post('users.generatePersonalAccessToken', { tokenName }).expect(200);
    const viaPat = patHeaders(userId, res.body.token as string);
    await me(viaPat).expect(200);

    const removed = await post('users.removePersonalAccessToken', { tokenName }).expect(200);
    expect(removed.body).toEqual({ success: true });
    await me(viaPat).expect(401);
    const listed = await list().expect(200);
    expect((listed.body.tokens as { name: string }[]).map((t) => t.name)).not.toContain(tokenName);
    // the login session itself is untouched
    await me(headers).expect(200);
  });

  describe('without create-personal-access-tokens', () => {
    let guest: AuthHeaders;

    beforeAll(async () => {
      guest = await guestLogin();
    });

    it.each([...PAT_ROUTES, 'users.removePersonalAccessToken'])('%s answers 400 not-authorized', async (route) => {
      const res = await post(route, { tokenName: 'x' }, guest).expect(400);
      expect(res.body).toEqual({
        success: false,
        error: 'Not Authorized [not-authorized]',
        errorType: 'not-authorized',
        details: { method: expect.stringMatching(/^personalAccessTokens:/) },
      });
    });

    it('users.getPersonalAccessTokens answers 403 (7.x route permission)', async () => {
      const res = await list(guest).expect(403);
      expect(res.body).toEqual({ success: false, error: 'unauthorized' });
    });
  });

  it('asks for a second factor once the account is older than Accounts_TwoFactorAuthentication_RememberFor', async () => {
    const { credentials, password } = await createUserAndLogin();
    await db
      .collection('users')
      .updateOne({ _id: credentials.userId as never }, { $set: { createdAt: new Date(Date.now() - 2 * 3600_000) } });
    const name = unique('pat-2fa');
    const missing = await post('users.generatePersonalAccessToken', { tokenName: name }, credentials.headers).expect(
      400,
    );
    expect(missing.body).toEqual(expect.objectContaining({ success: false, errorType: 'totp-required' }));
    const wrong = await request()
      .post('/api/v1/users.generatePersonalAccessToken')
      .set({
        ...credentials.headers,
        'x-2fa-code': createHash('sha256').update('not-it').digest('hex'),
        'x-2fa-method': 'password',
      })
      .send({ tokenName: name })
      .expect(400);
    expect(wrong.body.errorType).toBe('totp-invalid');
    await request()
      .post('/api/v1/users.generatePersonalAccessToken')
      .set({
        ...credentials.headers,
        'x-2fa-code': createHash('sha256').update(password).digest('hex'),
        'x-2fa-method': 'password',
      })
      .send({ tokenName: name })
      .expect(200);
  });

  it('needs a login', async () => {
    await request().get('/api/v1/users.getPersonalAccessTokens').expect(401);
    await request().post('/api/v1/users.generatePersonalAccessToken').send({ tokenName: 'x' }).expect(401);
  });
});

describe('POST /api/v1/users.createToken', () => {
  const secret = readState().appEnv.CREATE_TOKENS_FOR_USERS_SECRET;

  it('lets an admin mint a login token for another user', async () => {
    const { user } = await createUser();
    const res = await request()
      .post('/api/v1/users.createToken')
      .set({ ...(await adminHeaders()) })
      .send({ username: user.username, secret })
      .expect(200);
    expect(res.body).toEqual({ data: { userId: user._id, authToken: expect.any(String) }, success: true });
    const mine = await me(patHeaders(user._id, res.body.data.authToken as string)).expect(200);
    expect(mine.body.username).toBe(user.username);
    const stored = await db.collection('users').findOne({ _id: user._id as never });
    expect(stored?.services?.resume?.loginTokens).toEqual([
      { when: expect.any(Date), hashedToken: createHash('sha256').update(res.body.data.authToken).digest('base64') },
    ]);
  });

  it('lets a user mint a token for itself (userId or user)', async () => {
    const { user, credentials } = await createUserAndLogin();
    for (const body of [{ userId: user._id }, { user: user.username }]) {
      const res = await request()
        .post('/api/v1/users.createToken')
        .set({ ...credentials.headers })
        .send({ ...body, secret })
        .expect(200);
      expect(res.body.data.userId).toBe(user._id);
    }
  });

  it('refuses a user without user-generate-access-token who targets someone else', async () => {
    const { credentials } = await createUserAndLogin();
    const { user: other } = await createUser();
    const res = await request()
      .post('/api/v1/users.createToken')
      .set({ ...credentials.headers })
      .send({ userId: other._id, secret })
      .expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'Not authorized [error-not-authorized]',
      errorType: 'error-not-authorized',
      details: { method: 'createToken' },
    });
  });

  it('checks `secret` against CREATE_TOKENS_FOR_USERS_SECRET: missing or wrong, nobody gets a token', async () => {
    const { user } = await createUser();
    for (const body of [{ username: user.username }, { username: user.username, secret: `${secret}x` }]) {
      const res = await request()
        .post('/api/v1/users.createToken')
        .set({ ...(await adminHeaders()) })
        .send(body)
        .expect(400);
      expect(res.body.errorType).toBe('error-not-authorized');
    }
    const stored = await db.collection('users').findOne({ _id: user._id as never });
    expect(stored?.services?.resume?.loginTokens ?? []).toEqual([]);
    const wrongType = await request()
      .post('/api/v1/users.createToken')
      .set({ ...(await adminHeaders()) })
      .send({ username: user.username, secret: 42 })
      .expect(400);
    expect(wrongType.body.errorType).toBe('invalid-params');
  });

  it('needs a target, an existing one, and well-typed params', async () => {
    const h = await adminHeaders();
    const missing = await request()
      .post('/api/v1/users.createToken')
      .set({ ...h })
      .send({ secret })
      .expect(400);
    expect(missing.body.errorType).toBe('error-user-param-not-provided');
    const unknown = await request()
      .post('/api/v1/users.createToken')
      .set({ ...h })
      .send({ username: unique('nobody'), secret })
      .expect(400);
    expect(unknown.body.errorType).toBe('error-invalid-user');
    const wrong = await request()
      .post('/api/v1/users.createToken')
      .set({ ...h })
      .send({ userId: 5 })
      .expect(400);
    expect(wrong.body.errorType).toBe('invalid-params');
    await request().post('/api/v1/users.createToken').send({ userId: 'x' }).expect(401);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// OAuth access-token logins against a fake provider

describe('ending sessions: users.logout, users.logoutOtherClients, users.removeOtherTokens', () => {
  /** Two logins of the same user (two clients). */
  async function twoClients() {
    const { user, password, credentials } = await createUserAndLogin();
    const second = await login(user.username, password);
    return { user, password, first: credentials.headers, second: second.headers };
  }

  it('users.logout ends every session of the caller', async () => {
    const { user, first, second } = await twoClients();
    const res = await post('users.logout', first, {}).expect(200);
    expect(res.body).toEqual({ success: true, message: `User ${user._id} has been logged out!` });
    await me(first).expect(401);
    await me(second).expect(401);
  });

  it('users.logout of another user needs logout-other-user; admins have it', async () => {
    const target = await twoClients();
    const { credentials } = await createUserAndLogin();
    const refused = await post('users.logout', credentials.headers, { userId: target.user._id }).expect(403);
    expect(refused.body).toEqual({ success: false, error: 'unauthorized' });
    await me(target.first).expect(200);
    await post('users.logout', await adminHeaders(), { userId: target.user._id }).expect(200);
    await me(target.first).expect(401);
    await me(target.second).expect(401);
  });

  it('users.logout refuses an unknown user, unknown keys and anonymous callers', async () => {
    const unknown = await post('users.logout', await adminHeaders(), { userId: 'nobody' }).expect(400);
    expect(unknown.body).toEqual({
      success: false,
      error: 'Invalid user id [error-invalid-user-id]',
      errorType: 'error-invalid-user-id',
    });
    const { credentials } = await createUserAndLogin();
    const extra = await post('users.logout', credentials.headers, { everyone: true }).expect(400);
    expect(extra.body.errorType).toBe('invalid-params');
    await request().post('/api/v1/users.logout').send({}).expect(401);
  });

  it('users.logoutOtherClients keeps the calling session and personal access tokens, ends the others', async () => {
    const { user, first, second } = await twoClients();
    const pat = await post('users.generatePersonalAccessToken', first, { tokenName: 'kept', bypassTwoFactor: true });
    expect(pat.status).toBe(200);
    const res = await post('users.logoutOtherClients', first, {}).expect(200);
    expect(res.body).toEqual({ success: true, token: first['X-Auth-Token'], tokenExpires: expect.any(String) });
    const expires = Date.parse(res.body.tokenExpires as string);
    // Accounts_LoginExpiration: 90 days from the login
    expect(expires).toBeGreaterThan(Date.now() + 89 * 24 * 3600 * 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 90 * 24 * 3600 * 1000);
    await me(first).expect(200);
    await me(second).expect(401);
    await me(patHeaders(user._id, pat.body.token as string)).expect(200);
  });

  it('users.removeOtherTokens ends the other sessions and answers nothing else', async () => {
    const { first, second } = await twoClients();
    const res = await post('users.removeOtherTokens', first, {}).expect(200);
    expect(res.body).toEqual({ success: true });
    await me(first).expect(200);
    await me(second).expect(401);
  });

  it('both take no parameters and need a login', async () => {
    const { credentials } = await createUserAndLogin();
    for (const route of ['users.logoutOtherClients', 'users.removeOtherTokens']) {
      const extra = await post(route, credentials.headers, { all: true }).expect(400);
      expect(extra.body.errorType).toBe('invalid-params');
      await request().post(`/api/v1/${route}`).send({}).expect(401);
      await request()
        .get(`/api/v1/${route}`)
        .set({ ...credentials.headers })
        .expect(405);
    }
  });
});
