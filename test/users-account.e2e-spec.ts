/**
 * users.forgotPassword, users.register, users.requestDataDownload, users.deactivateIdle, and the e-mail they send
 * through the `mail` Bull queue to a real local SMTP server (the apps' SMTP settings point at it, see
 * test/global-setup.ts). Settings are switched for a test through the settings API and restored afterwards.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Db, MongoClient } from 'mongodb';
import { SMTPServer } from 'smtp-server';
import { adminHeaders, createUser, createUserAndLogin, login, request, unique } from './helpers/api';
import { restartApp } from './helpers/processes';
import { withSettings } from './helpers/settings';
import { readState } from './helpers/state';

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

const state = readState();
const SMTP_PORT = Number(state.appEnv.OVERWRITE_SETTING_SMTP_Port ?? 39025);
const received: ReceivedMail[] = [];
let smtp: SMTPServer | undefined;
let mongo: MongoClient;
let db: Db;
let redis: Redis;

async function startSmtp(): Promise<void> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(SMTP_PORT, '127.0.0.1', () => resolve());
  });
  smtp = server;
}

async function stopSmtp(): Promise<void> {
  const server = smtp;
  smtp = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Quoted-printable soft breaks and escapes undone, so links can be read from the raw message. */
function decodeQp(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

async function waitForMail(to: string, timeoutMs = 15000, match?: RegExp): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = received.find((m) => m.to.includes(to.toLowerCase()) && (!match || match.test(decodeQp(m.raw))));
    if (mail) {
      return mail;
    }
    if (Date.now() > deadline) {
      throw new Error(`no mail to ${to} within ${timeoutMs} ms (received: ${received.map((m) => m.to).join('; ')})`);
    }
    await sleep(100);
  }
}

function header(mail: ReceivedMail, name: string): string | undefined {
  const head = mail.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1];
}

function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const username = unique('e2e.reg');
  return { username, email: `${username}@e2e.test`, pass: 'reg-pass-1', name: 'Registered User', ...overrides };
}

beforeAll(async () => {
  mongo = await MongoClient.connect(state.mongoUrl);
  db = mongo.db();
  redis = new Redis(state.redisUrl);
  await startSmtp();
});

afterAll(async () => {
  await stopSmtp();
  redis.disconnect();
  await mongo.close();
});

describe('POST /api/v1/users.forgotPassword', () => {
  it('answers success and mails a reset link whose token is stored only hashed', async () => {
    const { user } = await createUser();
    const email = `${user.username}@e2e.test`;
    const res = await request().post('/api/v1/users.forgotPassword').send({ email: email.toUpperCase() }).expect(200);
    expect(res.body).toEqual({ success: true });

    const mail = await waitForMail(email);
    expect(header(mail, 'Subject')).toBe('Rocket.Chat - Password Recovery');
    expect(mail.from).toBe('no-reply@e2e.test');
    const link = /(https?:\/\/[^\s"<>]+)\/reset-password\/([A-Za-z0-9_-]{43})(?![\w-])/.exec(decodeQp(mail.raw));
    expect(link).not.toBeNull();
    const [, base, token] = link!;
    expect(base).toBe('http://localhost:3000');

    const stored = await db
      .collection<{ _id: string; services?: { password?: { reset?: Record<string, unknown> } } }>('users')
      .findOne({ _id: user._id });
    const reset = stored?.services?.password?.reset;
    expect(reset).toEqual(
      expect.objectContaining({ email, reason: 'reset', when: expect.any(Date), token: expect.any(String) }),
    );
    expect(reset?.token).toBe(createHash('sha256').update(token).digest('base64'));
    expect(reset?.token).not.toBe(token);
  });

  it('prints the mail to the server log when SMTP is not configured, and still answers success', async () => {
    const { user } = await createUser();
    const email = `${user.username}@e2e.test`;
    const logFile = state.procs.find((p) => p.app === 'users-rooms')?.logFile;
    expect(logFile).toBeDefined();
    await withSettings({ SMTP_Host: '' }, async () => {
      await request().post('/api/v1/users.forgotPassword').send({ email }).expect(200);
      const deadline = Date.now() + 15000;
      const printed = () =>
        readFileSync(logFile!, 'utf8')
          .split('\n')
          // JSON log lines: the message's newlines are `\\n`, quoted-printable soft breaks `=\\n`
          .map((line) => line.replace(/=\\n/g, ''))
          .some((line) => line.includes('BEGIN MAIL') && line.includes(email) && line.includes('reset-password/'));
      while (!printed() && Date.now() < deadline) {
        await sleep(200);
      }
      expect(printed()).toBe(true);
    });
    expect(received.some((m) => m.to.includes(email))).toBe(false);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const email = `${unique('nobody')}@e2e.test`;
    const res = await request().post('/api/v1/users.forgotPassword').send({ email }).expect(200);
    expect(res.body).toEqual({ success: true });
    await sleep(1500);
    expect(received.some((m) => m.to.includes(email))).toBe(false);
  });

  it("refuses a missing email with Rocket.Chat's message", async () => {
    const res = await request().post('/api/v1/users.forgotPassword').send({}).expect(400);
    expect(res.body).toEqual({ success: false, error: "The 'email' param is required" });
  });

  it('refuses a non-string email and unknown keys', async () => {
    const wrong = await request().post('/api/v1/users.forgotPassword').send({ email: 5 }).expect(400);
    expect(wrong.body).toMatchObject({ success: false, errorType: 'invalid-params' });
    const extra = await request()
      .post('/api/v1/users.forgotPassword')
      .send({ email: 'a@e2e.test', admin: true })
      .expect(400);
    expect(extra.body.error).toContain('must NOT have additional properties');
  });

  it('keeps the mail and delivers it once the SMTP server is back (retry with back-off)', async () => {
    const { user } = await createUser();
    const email = `${user.username}@e2e.test`;
    await stopSmtp();
    try {
      await request().post('/api/v1/users.forgotPassword').send({ email }).expect(200);
      await sleep(2000);
      expect(received.some((m) => m.to.includes(email))).toBe(false);
    } finally {
      await startSmtp();
    }
    // first retry 5 s after the failed attempt, the next 10 s later
    await waitForMail(email, 30000);
  }, 60000);
});

describe('POST /api/v1/users.register', () => {
  it('registers an active user who can log in; the answer shows no private fields', async () => {
    const body = registration();
    const res = await request().post('/api/v1/users.register').send(body).expect(200);
    expect(res.body.success).toBe(true);
    expect(res.body.user).toEqual(
      expect.objectContaining({
        _id: expect.any(String),
        username: body.username,
        name: 'Registered User',
        active: true,
        type: 'user',
        status: 'offline',
      }),
    );
    for (const hidden of ['services', 'emails', 'roles', 'createdAt', '_updatedAt', 'settings', 'lastLogin']) {
      expect(res.body.user).not.toHaveProperty(hidden);
    }
    await login(body.username as string, 'reg-pass-1');
    const info = await request()
      .get('/api/v1/users.info')
      .query({ username: body.username as string })
      .set({ ...(await adminHeaders()) })
      .expect(200);
    expect(info.body.user.roles).toEqual(['user']);
    expect(info.body.user.emails).toEqual([{ address: body.email, verified: false }]);
  });

  it('ignores the credentials of a logged-in caller, as Rocket.Chat does on a route that needs none', async () => {
    const body = registration();
    const res = await request()
      .post('/api/v1/users.register')
      .set({ ...(await adminHeaders()) })
      .send(body)
      .expect(200);
    expect(res.body.user).toMatchObject({ username: body.username, name: body.name, active: true });
    await login(body.username as string, body.pass as string);
    // credentials that resolve to nobody do not matter either
    const other = registration();
    await request()
      .post('/api/v1/users.register')
      .set({ 'X-User-Id': 'nobody', 'X-Auth-Token': 'not-a-token' })
      .send(other)
      .expect(200);
  });

  it('refuses missing or unknown properties', async () => {
    const missing = await request()
      .post('/api/v1/users.register')
      .send({ username: unique('e2e.reg'), email: `${unique('r')}@e2e.test` })
      .expect(400);
    expect(missing.body).toEqual({
      success: false,
      error: "must have required property 'pass' [invalid-params]",
      errorType: 'invalid-params',
    });
    const extra = await request()
      .post('/api/v1/users.register')
      .send({ ...registration(), roles: ['admin'] })
      .expect(400);
    expect(extra.body.error).toContain('must NOT have additional properties');
    const blank = await request()
      .post('/api/v1/users.register')
      .send(registration({ pass: '  ' }))
      .expect(400);
    expect(blank.body.errorType).toBe('error-password-policy-not-met');
  });

  it('refuses a taken username, a taken email and an invalid username', async () => {
    const { user } = await createUser();
    const taken = await request()
      .post('/api/v1/users.register')
      .send(registration({ username: user.username.toUpperCase() }))
      .expect(400);
    expect(taken.body).toEqual({ success: false, error: 'Username is already in use' });
    const takenEmail = await request()
      .post('/api/v1/users.register')
      .send(registration({ email: `${user.username}@e2e.test` }))
      .expect(400);
    expect(takenEmail.body).toMatchObject({ success: false, error: 'Email already exists. [403]' });
    const invalid = await request()
      .post('/api/v1/users.register')
      .send(registration({ username: 'no spaces allowed' }))
      .expect(400);
    expect(invalid.body.errorType).toBe('error-input-is-not-a-valid-field');
  });

  it("refuses Rocket.Chat's reserved usernames, whatever their case", async () => {
    for (const username of ['admin', 'administrator', 'system', 'user', 'Admin', 'all', 'here']) {
      const res = await request().post('/api/v1/users.register').send(registration({ username })).expect(400);
      expect(res.body).toEqual({
        success: false,
        error: `${username} is blocked and can't be used! [error-blocked-username]`,
        errorType: 'error-blocked-username',
        details: { method: 'checkUsernameAvailability', field: username },
      });
    }
    await withSettings({ Accounts_BlockedUsernameList: 'e2e-banned, other' }, async () => {
      const res = await request()
        .post('/api/v1/users.register')
        .send(registration({ username: 'E2E-Banned' }))
        .expect(400);
      expect(res.body.errorType).toBe('error-blocked-username');
    });
  });

  it('refuses everyone while registration is disabled', async () => {
    await withSettings({ Accounts_RegistrationForm: 'Disabled' }, async () => {
      const res = await request().post('/api/v1/users.register').send(registration()).expect(400);
      expect(res.body).toEqual({
        success: false,
        error: 'User registration is disabled [error-user-registration-disabled]',
        errorType: 'error-user-registration-disabled',
        details: { method: 'registerUser' },
      });
    });
  });

  it('needs the secret in Secret URL mode', async () => {
    await withSettings(
      { Accounts_RegistrationForm: 'Secret URL', Accounts_RegistrationForm_SecretURL: 'e2e-secret' },
      async () => {
        for (const secret of [undefined, 'wrong']) {
          const res = await request()
            .post('/api/v1/users.register')
            .send(registration(secret ? { secret } : {}))
            .expect(400);
          expect(res.body.errorType).toBe('error-user-registration-secret');
        }
        await request()
          .post('/api/v1/users.register')
          .send(registration({ secret: 'e2e-secret' }))
          .expect(200);
      },
    );
  });

  it('requires a name only while Accounts_RequireNameForSignUp is on', async () => {
    const noName = registration();
    delete noName.name;
    const refused = await request().post('/api/v1/users.register').send(noName).expect(400);
    expect(refused.body.errorType).toBe('error-the-field-is-required');
    await withSettings({ Accounts_RequireNameForSignUp: false }, async () => {
      await request()
        .post('/api/v1/users.register')
        .send(registration({ name: undefined }))
        .expect(200);
    });
  });

  it('keeps manually approved users inactive and needs their reason', async () => {
    await withSettings({ Accounts_ManuallyApproveNewUsers: true }, async () => {
      const noReason = await request().post('/api/v1/users.register').send(registration()).expect(400);
      expect(noReason.body.errorType).toBe('error-the-field-is-required');
      const body = registration({ reason: 'I work here' });
      const res = await request().post('/api/v1/users.register').send(body).expect(200);
      expect(res.body.user).toMatchObject({ active: false, reason: 'I work here' });
      const denied = await request()
        .post('/api/v1/login')
        .send({ user: body.username, password: body.pass })
        .expect(401);
      expect(denied.body).toMatchObject({ status: 'error', error: 'error-user-is-not-activated' });
    });
  });

  it('mails a verification link when Accounts_EmailVerification is on', async () => {
    await withSettings({ Accounts_EmailVerification: true }, async () => {
      const body = registration();
      await request().post('/api/v1/users.register').send(body).expect(200);
      const mail = await waitForMail(body.email as string);
      expect(header(mail, 'Subject')).toBe('Rocket.Chat - Email address verification');
      expect(decodeQp(mail.raw)).toMatch(/http:\/\/localhost:3000\/verify-email\/[A-Za-z0-9_-]{43}(?![\w-])/);
    });
  });

  it('limits registrations per client IP with its own limiter (429 past the limit)', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const first = await request().post('/api/v1/users.register').set('X-Forwarded-For', ip).send({}).expect(400);
    const limit = Number(first.headers['x-ratelimit-limit']);
    expect(limit).toBeGreaterThan(0);
    expect(Number(first.headers['x-ratelimit-remaining'])).toBe(limit - 1);
    for (let i = 1; i < limit; i++) {
      await request().post('/api/v1/users.register').set('X-Forwarded-For', ip).send({}).expect(400);
    }
    const over = await request().post('/api/v1/users.register').set('X-Forwarded-For', ip).send(registration());
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ success: false, errorType: 'error-too-many-requests' });
    // another client is not affected
    await request().post('/api/v1/users.register').set('X-Forwarded-For', '203.0.113.7').send({}).expect(400);
  });
});

describe('GET /api/v1/users.requestDataDownload', () => {
  it('queues an export, returns the pending one when asked again, then completes it and mails the user', async () => {
    const { user, credentials } = await createUserAndLogin();
    const first = await request()
      .get('/api/v1/users.requestDataDownload')
      .set({ ...credentials.headers })
      .expect(200);
    expect(first.body).toMatchObject({ success: true, requested: true });
    const op = first.body.exportOperation;
    expect(op).toEqual(
      expect.objectContaining({
        _id: expect.any(String),
        userId: user._id,
        status: 'pending',
        fullExport: false,
        fileList: [],
        exportPath: expect.any(String),
        assetsPath: expect.any(String),
        createdAt: expect.any(String),
      }),
    );
    expect(op.userData).toMatchObject({ _id: user._id, username: user.username });
    expect(op.userData.services).toBeUndefined();

    const again = await request()
      .get('/api/v1/users.requestDataDownload')
      .set({ ...credentials.headers })
      .expect(200);
    expect(again.body.requested).toBe(false);
    expect(again.body.exportOperation._id).toBe(op._id);

    let status = again.body.exportOperation.status as string;
    const deadline = Date.now() + 20000;
    let latest = again.body.exportOperation;
    while (status !== 'completed' && Date.now() < deadline) {
      await sleep(300);
      const res = await request()
        .get('/api/v1/users.requestDataDownload')
        .set({ ...credentials.headers })
        .expect(200);
      expect(res.body.requested).toBe(false);
      latest = res.body.exportOperation;
      status = latest.status;
    }
    expect(status).toBe('completed');
    expect(latest.roomList).toEqual(
      expect.arrayContaining([expect.objectContaining({ roomId: 'GENERAL', roomName: 'general', type: 'c' })]),
    );
    for (const file of ['user.html', 'channels.json', 'subscriptions.json', 'rooms.json']) {
      expect(existsSync(join(latest.exportPath as string, file))).toBe(true);
    }
    const mail = await waitForMail(`${user.username}@e2e.test`, 15000, /data-export/);
    expect(header(mail, 'Subject')).toBe('Your Data File is Ready to Download');
    expect(decodeQp(mail.raw)).toContain(`http://localhost:3000/data-export/${op._id as string}`);
  });

  it('keeps a full export apart from the default one', async () => {
    const { credentials } = await createUserAndLogin();
    const plain = await request()
      .get('/api/v1/users.requestDataDownload')
      .set({ ...credentials.headers })
      .expect(200);
    const full = await request()
      .get('/api/v1/users.requestDataDownload')
      .query({ fullExport: 'true' })
      .set({ ...credentials.headers })
      .expect(200);
    expect(full.body.requested).toBe(true);
    expect(full.body.exportOperation.fullExport).toBe(true);
    expect(full.body.exportOperation._id).not.toBe(plain.body.exportOperation._id);
  });

  it('needs a logged-in caller', async () => {
    const res = await request().get('/api/v1/users.requestDataDownload').expect(401);
    expect(res.body).toMatchObject({ success: false, status: 'error' });
    await request()
      .get('/api/v1/users.requestDataDownload')
      .set({ 'X-User-Id': 'nobody', 'X-Auth-Token': 'bad' })
      .expect(401);
  });
});

describe('POST /api/v1/users.deactivateIdle', () => {
  const guest = () => createUser({ roles: ['guest'] });

  async function setLastLogin(userId: string, daysAgo: number): Promise<void> {
    await db
      .collection<{ _id: string }>('users')
      .updateOne({ _id: userId }, { $set: { lastLogin: new Date(Date.now() - daysAgo * 24 * 3600 * 1000) } });
  }

  async function isActive(userId: string): Promise<boolean> {
    const res = await request()
      .get('/api/v1/users.info')
      .query({ userId })
      .set({ ...(await adminHeaders()) })
      .expect(200);
    return res.body.user.active as boolean;
  }

  it('deactivates idle users of a role, ends their sessions, and never touches the caller', async () => {
    // the caller is an admin who also holds the role and is idle by the same rule
    const adminName = unique('e2e.idleadmin');
    await createUser({ username: adminName, roles: ['admin', 'guest'] });
    const caller = await login(adminName, 'rocket.chat');
    await setLastLogin(caller.userId, 30);

    const idle = await createUserAndLogin({ roles: ['guest'] });
    await setLastLogin(idle.user._id, 10);
    const recent = await guest();
    await setLastLogin(recent.user._id, 1);
    const otherRole = await createUser();
    await setLastLogin(otherRole.user._id, 10);

    const res = await request()
      .post('/api/v1/users.deactivateIdle')
      .set({ ...caller.headers })
      .send({ daysIdle: 5, role: 'guest' })
      .expect(200);
    expect(res.body).toEqual({ count: 1, success: true });

    expect(await isActive(idle.user._id)).toBe(false);
    expect(await isActive(recent.user._id)).toBe(true);
    expect(await isActive(otherRole.user._id)).toBe(true);
    expect(await isActive(caller.userId)).toBe(true);
    // the deactivated user's token no longer works; the caller's still does
    await request()
      .get('/api/v1/me')
      .set({ ...idle.credentials.headers })
      .expect(401);
    await request()
      .get('/api/v1/me')
      .set({ ...caller.headers })
      .expect(200);
  });

  it('counts users who never logged in by their creation date, and defaults to the user role', async () => {
    const fresh = await guest();
    await request()
      .post('/api/v1/users.deactivateIdle')
      .set({ ...(await adminHeaders()) })
      .send({ daysIdle: 1, role: 'guest' })
      .expect(200);
    expect(await isActive(fresh.user._id)).toBe(true);
    const all = await request()
      .post('/api/v1/users.deactivateIdle')
      .set({ ...(await adminHeaders()) })
      .send({ daysIdle: 0, role: 'guest' })
      .expect(200);
    expect(all.body.count).toBeGreaterThanOrEqual(1);
    expect(await isActive(fresh.user._id)).toBe(false);

    const plain = await createUser();
    await setLastLogin(plain.user._id, 400);
    const byDefault = await request()
      .post('/api/v1/users.deactivateIdle')
      .set({ ...(await adminHeaders()) })
      .send({ daysIdle: 365 })
      .expect(200);
    expect(byDefault.body.count).toBe(1);
    expect(await isActive(plain.user._id)).toBe(false);
  });

  it('refuses callers without edit-other-user-active-status', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await request()
      .post('/api/v1/users.deactivateIdle')
      .set({ ...credentials.headers })
      .send({ daysIdle: 1 })
      .expect(403);
    expect(res.body).toEqual({ success: false, error: 'unauthorized' });
    await request().post('/api/v1/users.deactivateIdle').send({ daysIdle: 1 }).expect(401);
  });

  it('refuses a missing, non-numeric or negative daysIdle', async () => {
    const headers = await adminHeaders();
    for (const body of [{}, { daysIdle: 'ten' }, { daysIdle: -1 }, { daysIdle: 1, role: 5 }]) {
      const res = await request()
        .post('/api/v1/users.deactivateIdle')
        .set({ ...headers })
        .send(body)
        .expect(400);
      expect(res.body).toMatchObject({ success: false, errorType: 'invalid-params' });
    }
  });
});

describe('POST /api/v1/users.sendConfirmationEmail', () => {
  it('mails a new verification link to the user who owns the address; only its hash is stored', async () => {
    const { user, credentials } = await createUserAndLogin();
    const email = `${user.username}@e2e.test`;
    const res = await request()
      .post('/api/v1/users.sendConfirmationEmail')
      .set({ ...credentials.headers })
      .send({ email: email.toUpperCase() })
      .expect(200);
    expect(res.body).toEqual({ success: true });
    const mail = await waitForMail(email, 15000, /verify-email/);
    const token = /\/verify-email\/([A-Za-z0-9_-]{43})(?![\w-])/.exec(decodeQp(mail.raw))![1];
    const stored = await db.collection('users').findOne({ _id: user._id as never });
    const tokens = (stored?.services as { email?: { verificationTokens?: { token: string; address: string }[] } }).email
      ?.verificationTokens;
    expect(tokens).toEqual([expect.objectContaining({ address: email })]);
    expect(tokens![0].token).toBe(createHash('sha256').update(token).digest('base64'));
  });

  it('answers a failure without a message for an address no user has, and sends nothing', async () => {
    const { credentials } = await createUserAndLogin();
    const email = `${unique('nobody')}@e2e.test`;
    const res = await request()
      .post('/api/v1/users.sendConfirmationEmail')
      .set({ ...credentials.headers })
      .send({ email })
      .expect(400);
    expect(res.body).toEqual({ success: false, error: '' });
    await sleep(1000);
    expect(received.some((m) => m.to.includes(email))).toBe(false);
  });

  it('needs an e-mail string and a login', async () => {
    const { credentials } = await createUserAndLogin();
    const missing = await request()
      .post('/api/v1/users.sendConfirmationEmail')
      .set({ ...credentials.headers })
      .send({})
      .expect(400);
    expect(missing.body.errorType).toBe('invalid-params');
    const notString = await request()
      .post('/api/v1/users.sendConfirmationEmail')
      .set({ ...credentials.headers })
      .send({ email: 42 })
      .expect(400);
    expect(notString.body.errorType).toBe('invalid-params');
    await request().post('/api/v1/users.sendConfirmationEmail').send({ email: 'a@b.c' }).expect(401);
  });
});

describe('POST /api/v1/users.sendWelcomeEmail', () => {
  it('mails the Accounts_UserAddedEmail message to a user’s address', async () => {
    const { user } = await createUser({ name: 'Welcome Me' });
    const email = `${user.username}@e2e.test`;
    const res = await request()
      .post('/api/v1/users.sendWelcomeEmail')
      .set({ ...(await adminHeaders()) })
      .send({ email })
      .expect(200);
    expect(res.body).toEqual({ success: true });
    const mail = await waitForMail(email);
    expect(header(mail, 'Subject')).toBe('Welcome to Rocket.Chat');
    expect(decodeQp(mail.raw)).toContain('http://localhost:3000');
  });

  it('follows the Accounts_UserAddedEmail_Subject setting at once', async () => {
    const { user } = await createUser();
    const email = `${user.username}@e2e.test`;
    await withSettings({ Accounts_UserAddedEmail_Subject: 'Hello from e2e' }, async () => {
      await request()
        .post('/api/v1/users.sendWelcomeEmail')
        .set({ ...(await adminHeaders()) })
        .send({ email })
        .expect(200);
      const mail = await waitForMail(email);
      expect(header(mail, 'Subject')).toBe('Hello from e2e');
    });
  });

  it('refuses an address no user has, callers without send-mail, and anonymous callers', async () => {
    const unknown = await request()
      .post('/api/v1/users.sendWelcomeEmail')
      .set({ ...(await adminHeaders()) })
      .send({ email: `${unique('nobody')}@e2e.test` })
      .expect(400);
    expect(unknown.body).toEqual({
      success: false,
      error: 'Invalid user [error-invalid-user]',
      errorType: 'error-invalid-user',
      details: { method: 'sendWelcomeEmail' },
    });
    const { user, credentials } = await createUserAndLogin();
    const forbidden = await request()
      .post('/api/v1/users.sendWelcomeEmail')
      .set({ ...credentials.headers })
      .send({ email: `${user.username}@e2e.test` })
      .expect(403);
    expect(forbidden.body).toEqual({ success: false, error: 'unauthorized' });
    await request().post('/api/v1/users.sendWelcomeEmail').send({ email: 'a@b.c' }).expect(401);
  });
});

describe('mail queue across a restart', () => {
  it('delivers a mail queued before users-rooms restarts', async () => {
    const { user } = await createUser();
    const email = `${user.username}@e2e.test`;
    await stopSmtp();
    try {
      await request().post('/api/v1/users.forgotPassword').send({ email }).expect(200);
      await sleep(1000);
      await restartApp('users-rooms');
    } finally {
      await startSmtp();
    }
    await waitForMail(email, 45000);
  }, 120000);
});
