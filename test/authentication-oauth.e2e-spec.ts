/**
 * login with OAuth access tokens (against a local fake provider) and failed-login blocking. The e2e environment
 * (test/global-setup.ts) configures Google and Twitter to the fake provider's port, leaves Facebook
 * unconfigured and whitelists 127.0.0.1 for the IP block (blocking tests use other addresses through
 * X-Forwarded-For).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { Db, MongoClient } from 'mongodb';
import { AuthHeaders, createUser, login, request, unique } from './helpers/api';
import { readState } from './helpers/state';

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

interface GoogleIdentity {
  id: string;
  email?: string;
  verified_email?: boolean;
  name?: string;
}

interface TwitterAccount {
  identity: Record<string, unknown>;
  tokenSecret: string;
}

const TWITTER_CONSUMER = { key: 'e2e-twitter-consumer-key', secret: 'e2e-twitter-consumer-secret' };

/** RFC 3986 encoding, written out again here so the check is independent of the code under test. */
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

class FakeProvider {
  readonly google = new Map<string, GoogleIdentity>();
  readonly twitter = new Map<string, TwitterAccount>();
  private server?: Server;

  async start(port: number): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', resolve);
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const token = url.searchParams.get('access_token') ?? '';
    switch (url.pathname) {
      case '/google/oauth2/v1/userinfo': {
        const identity = this.google.get(token);
        return identity ? send(200, identity) : send(401, { error: { code: 401, message: 'Invalid Credentials' } });
      }
      case '/google/oauth2/v1/tokeninfo':
        return this.google.has(token)
          ? send(200, { issued_to: 'e2e-google-client', scope: 'openid email profile' })
          : send(400, { error: 'invalid_token' });
      case '/twitter/1.1/account/verify_credentials.json': {
        const account = this.verifyTwitter(req, url);
        return account
          ? send(200, account.identity)
          : send(401, { errors: [{ code: 32, message: 'Could not authenticate you.' }] });
      }
      default:
        return send(404, { error: 'not found' });
    }
  }

  /** Checks the OAuth 1.0a HMAC-SHA1 signature as Twitter does. */
  private verifyTwitter(req: IncomingMessage, url: URL): TwitterAccount | undefined {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('OAuth ')) {
      return undefined;
    }
    const oauth: Record<string, string> = {};
    for (const m of header.slice(6).matchAll(/([a-z_]+)="([^"]*)"/g)) {
      oauth[m[1]] = decodeURIComponent(m[2]);
    }
    const account = this.twitter.get(oauth.oauth_token);
    if (!account || oauth.oauth_consumer_key !== TWITTER_CONSUMER.key || oauth.oauth_signature_method !== 'HMAC-SHA1') {
      return undefined;
    }
    if (Math.abs(Date.now() / 1000 - Number(oauth.oauth_timestamp)) > 300) {
      return undefined;
    }
    const { oauth_signature: signature, ...signed } = oauth;
    const params = [...url.searchParams.entries(), ...Object.entries(signed)]
      .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
      .sort()
      .join('&');
    const base = `${req.method}&${rfc3986(`http://${req.headers.host}${url.pathname}`)}&${rfc3986(params)}`;
    const key = `${rfc3986(TWITTER_CONSUMER.secret)}&${rfc3986(account.tokenSecret)}`;
    return createHmac('sha1', key).update(base).digest('base64') === signature ? account : undefined;
  }
}

describe('POST /api/v1/login with an OAuth access token', () => {
  const provider = new FakeProvider();

  beforeAll(async () => {
    const googleUrl = new URL(readState().appEnv.OVERWRITE_SETTING_Accounts_OAuth_Google_API_URL);
    await provider.start(Number(googleUrl.port));
  });

  afterAll(async () => {
    await provider.stop();
  });

  const oauthLogin = (body: Record<string, unknown>) => request().post('/api/v1/login').send(body);
  const googleBody = (accessToken: string) => ({
    serviceName: 'google',
    accessToken,
    idToken: 'id-token',
    expiresIn: 3600,
  });
  const letters = () =>
    [...randomBytes(8)]
      .map((b) => String.fromCharCode(97 + (b % 26)))
      .join('')
      .slice(0, 8);

  describe('Google', () => {
    it('creates a user on the first login and returns a normal login', async () => {
      const last = letters();
      const token = `g-${last}`;
      provider.google.set(token, {
        id: `g${Date.now()}${last}`,
        email: `grace.${last}@gmail.test`,
        verified_email: true,
        name: `Grace ${last}`,
      });
      const res = await oauthLogin(googleBody(token)).expect(200);
      expect(res.body).toEqual({
        status: 'success',
        data: { userId: expect.any(String), authToken: expect.any(String), me: expect.any(Object) },
        success: true,
      });
      const { userId, authToken, me: profile } = res.body.data;
      expect(profile).toEqual(
        expect.objectContaining({
          _id: userId,
          username: `grace.${last}`,
          name: `Grace ${last}`,
          roles: ['user'],
          active: true,
          emails: [{ address: `grace.${last}@gmail.test`, verified: true }],
        }),
      );
      expect(JSON.stringify(res.body)).not.toMatch(/accessToken|id-token|hashedToken/);
      await me(patHeaders(userId, authToken)).expect(200);

      // the same Google account logs in as the same user, with a new token
      const again = await oauthLogin(googleBody(token)).expect(200);
      expect(again.body.data.userId).toBe(userId);
      expect(again.body.data.authToken).not.toBe(authToken);
      const stored = await db.collection('users').findOne({ _id: userId });
      expect(stored?.services?.google).toEqual(
        expect.objectContaining({ id: provider.google.get(token)!.id, scope: ['openid', 'email', 'profile'] }),
      );
    });

    it('creates one user when two first logins arrive at once', async () => {
      const last = letters();
      const token = `g-twice-${last}`;
      provider.google.set(token, { id: `twice${Date.now()}${last}`, name: `Twice ${last}` });
      const [a, b] = await Promise.all([oauthLogin(googleBody(token)), oauthLogin(googleBody(token))]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.data.userId).toBe(b.body.data.userId);
      expect(
        await db.collection('users').countDocuments({ 'services.google.id': provider.google.get(token)!.id }),
      ).toBe(1);
    });

    it('derives a free username when the preferred one is taken', async () => {
      const last = letters();
      await createUser({ username: `ada.${last}` });
      const token = `g-ada-${last}`;
      provider.google.set(token, { id: `ada${Date.now()}${last}`, name: `Ada ${last}` });
      const res = await oauthLogin(googleBody(token)).expect(200);
      expect(res.body.data.me.username).toBe(`a${last}`);
    });

    it('links an existing user with a verified e-mail and keeps its password', async () => {
      const username = unique('e2e.linked');
      const { user, password } = await createUser({ username, verified: true });
      const token = `g-${username}`;
      provider.google.set(token, { id: `linked-${username}`, email: `${username}@e2e.test`, name: 'Linked' });
      const res = await oauthLogin(googleBody(token)).expect(200);
      expect(res.body.data.userId).toBe(user._id);
      await login(username, password);
    });

    it("removes the password of an existing user whose e-mail was never verified (someone else's signup)", async () => {
      const username = unique('e2e.squatter');
      const { user, password } = await createUser({ username, verified: false });
      const token = `g-${username}`;
      provider.google.set(token, { id: `real-${username}`, email: `${username}@e2e.test`, name: 'Real Owner' });
      const res = await oauthLogin(googleBody(token)).expect(200);
      expect(res.body.data.userId).toBe(user._id);
      expect(res.body.data.me.emails).toEqual([{ address: `${username}@e2e.test`, verified: true }]);
      expect(res.body.data.me.requirePasswordChange).toBe(true);
      await request().post('/api/v1/login').send({ user: username, password }).expect(401);
    });

    it('answers a token the provider refuses with 401 "Failed to fetch identity from Google."', async () => {
      const res = await oauthLogin(googleBody('not-a-google-token')).expect(401);
      expect(res.body).toEqual(
        expect.objectContaining({
          status: 'error',
          message: expect.stringMatching(/^Failed to fetch identity from Google\. .*Invalid Credentials/),
        }),
      );
    });

    it('refuses missing or mistyped options as Meteor check does', async () => {
      const missing = await oauthLogin({ serviceName: 'google', accessToken: 'x', expiresIn: 1 }).expect(401);
      expect(missing.body).toEqual(
        expect.objectContaining({ status: 'error', message: "Match error: Missing key 'idToken'" }),
      );
      const wrong = await oauthLogin({ ...googleBody('x'), expiresIn: 'soon' }).expect(401);
      expect(wrong.body.message).toBe('Match error: Expected Integer, got string in field expiresIn');
    });
  });

  describe('Twitter (OAuth 1.0a signed verify_credentials)', () => {
    const account = (token: string, name: string): TwitterAccount => {
      const id = `1${Date.now()}${Math.floor(Math.random() * 1e6)}`;
      const twitter = {
        identity: { id: Number(id), id_str: id, name, screen_name: 'x', lang: 'en' },
        tokenSecret: `${token}-secret`,
      };
      provider.twitter.set(token, twitter);
      return twitter;
    };

    it('logs in with the configured consumer key, or the one in the request', async () => {
      const last = letters();
      const token = `tw-${last}`;
      const acct = account(token, `Tim ${last}`);
      const body = { serviceName: 'twitter', accessToken: token, accessTokenSecret: acct.tokenSecret, expiresIn: 3600 };
      const res = await oauthLogin(body).expect(200);
      expect(res.body.status).toBe('success');
      expect(res.body.data.me).toEqual(expect.objectContaining({ username: `tim.${last}`, name: `Tim ${last}` }));
      const withApp = await oauthLogin({
        ...body,
        appId: TWITTER_CONSUMER.key,
        appSecret: TWITTER_CONSUMER.secret,
      }).expect(200);
      expect(withApp.body.data.userId).toBe(res.body.data.userId);
      const stored = await db.collection('users').findOne({ _id: res.body.data.userId });
      expect(stored?.services?.twitter?.id).toBe(acct.identity.id_str);
    });

    it('a bad signature is "Failed to fetch identity from Twitter."', async () => {
      const token = `tw-${letters()}`;
      account(token, 'Nope');
      const res = await oauthLogin({
        serviceName: 'twitter',
        accessToken: token,
        accessTokenSecret: 'wrong-secret',
        expiresIn: 3600,
      }).expect(401);
      expect(res.body.message).toMatch(/^Failed to fetch identity from Twitter\. .*Could not authenticate you/);
    });

    it('needs accessTokenSecret', async () => {
      const res = await oauthLogin({ serviceName: 'twitter', accessToken: 'x', expiresIn: 3600 }).expect(401);
      expect(res.body.message).toBe("Match error: Missing key 'accessTokenSecret'");
    });
  });

  it('answers an unconfigured service (Facebook here) with "Service not configured"', async () => {
    const res = await oauthLogin({ serviceName: 'facebook', accessToken: 'x', secret: 'y', expiresIn: 60 }).expect(401);
    expect(res.body).toEqual({
      status: 'error',
      error: 'ServiceConfiguration.ConfigError',
      message: 'Service not configured',
    });
  });

  it('refuses an unknown service', async () => {
    const res = await oauthLogin({ serviceName: 'github', accessToken: 'x' }).expect(401);
    expect(res.body.message).toBe('Unexpected AccessToken service github');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Failed-login blocking (Block_Multiple_Failed_Logins_*; 127.0.0.1 is whitelisted for the IP rule)

describe('failed-login blocking', () => {
  const attempt = (body: Record<string, unknown>, ip?: string) => {
    const req = request().post('/api/v1/login');
    return (ip ? req.set('X-Forwarded-For', ip) : req).send(body);
  };
  const testNetIp = () => `198.51.100.${1 + Math.floor(Math.random() * 250)}`;

  it('blocks a user after 10 failures, whatever the password, by username or e-mail', async () => {
    const { user, password } = await createUser();
    for (let i = 0; i < 10; i++) {
      await attempt({ user: user.username, password: 'wrong' }).expect(401);
    }
    const blocked = await attempt({ user: user.username, password }).expect(401);
    expect(blocked.body).toEqual({
      status: 'error',
      error: 'error-login-blocked-for-user',
      message: 'Login has been temporarily blocked For User',
      details: { function: 'Accounts.validateLoginAttempt' },
    });
    const byEmail = await attempt({ user: `${user.username}@e2e.test`, password }).expect(401);
    expect(byEmail.body.error).toBe('error-login-blocked-for-user');
    // other users are not affected
    const other = await createUser();
    await login(other.user.username, other.password);
  });

  it('a successful login resets the user counter', async () => {
    const { user, password } = await createUser();
    for (let i = 0; i < 9; i++) {
      await attempt({ username: user.username, password: 'wrong' }).expect(401);
    }
    await login(user.username, password);
    for (let i = 0; i < 9; i++) {
      await attempt({ username: user.username, password: 'wrong' }).expect(401);
    }
    await login(user.username, password);
  });

  it('blocks an IP after 50 failures, also for a right password; other IPs still log in', async () => {
    const ip = testNetIp();
    for (let batch = 0; batch < 5; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, () => attempt({ user: unique('e2e.nobody'), password: 'wrong' }, ip).expect(401)),
      );
    }
    const { username, password } = { username: readState().admin.username, password: readState().admin.password };
    const blocked = await attempt({ user: username, password }, ip).expect(401);
    expect(blocked.body).toEqual({
      status: 'error',
      error: 'error-login-blocked-for-ip',
      message: 'Login has been temporarily blocked For IP',
      details: { function: 'Accounts.validateLoginAttempt' },
    });
    const elsewhere = await attempt({ user: username, password }, testNetIp().replace('198.51.100', '203.0.113'));
    expect(elsewhere.status).toBe(200);
  });
});
