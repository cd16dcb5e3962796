/**
 * Brute force, through two gateways (the shared stack's and a second one started here on the same Redis and
 * database): the login, registration and password-reset rate limits count every gateway's calls together, and
 * failed-login blocking by user and by IP holds on both and lifts once the configured time has passed
 * (shortened to Rocket.Chat's minimum, one minute, through the settings).
 */
import { join } from 'node:path';
import { AppProc, freePort, spawnApp, stopChild, waitAppReady } from '../../scripts/infra';
import { setSetting } from '../helpers/settings';
import { readState } from '../helpers/state';
import { call, closeConnections } from './support/http';
import { createSession, gateway, Session, sleep } from './support/fixtures';

jest.setTimeout(240_000);

/** The same client address on every gateway (X-Forwarded-For from the trusted loopback proxy). */
let nextIp = 0;
const clientIp = () => `203.0.113.${(nextIp += 1)}`;

const LIMIT = 4;
const REGISTER_LIMIT = 3;
const BLOCK_AFTER_USER = 3;
const BLOCK_AFTER_IP = 5;

const BLOCK_SETTINGS: Record<string, unknown> = {
  Block_Multiple_Failed_Logins_Enabled: true,
  Block_Multiple_Failed_Logins_By_User: true,
  Block_Multiple_Failed_Logins_By_Ip: true,
  Block_Multiple_Failed_Logins_Attempts_Until_Block_by_User: BLOCK_AFTER_USER,
  Block_Multiple_Failed_Logins_Attempts_Until_Block_By_Ip: BLOCK_AFTER_IP,
  Block_Multiple_Failed_Logins_Time_To_Unblock_By_User_In_Minutes: 1,
  Block_Multiple_Failed_Logins_Time_To_Unblock_By_Ip_In_Minutes: 1,
};
/** Set only while the rate-limit tests run (a limit this low would cut the blocking tests short). */
const LIMIT_SETTINGS: Record<string, unknown> = {
  API_Enable_Rate_Limiter_Limit_Calls_Default: LIMIT,
  Rate_Limiter_Limit_RegisterUser: REGISTER_LIMIT,
};

describe('brute force across two gateways', () => {
  const state = readState();
  let second: AppProc;
  let gw: string[];
  const saved: Record<string, unknown> = {};
  let victim: Session;
  let other: Session;
  let blockedIp: string;
  let blocksAt = 0;

  beforeAll(async () => {
    const port = await freePort();
    second = spawnApp({
      app: 'gateway',
      index: 1,
      port,
      env: { ...process.env, ...state.appEnv, PORT: String(port) },
      logFile: join(state.logDir, 'gateway-brute-force.log'),
    });
    await waitAppReady(second, 60_000);
    gw = [gateway(), `http://127.0.0.1:${port}`];
    victim = await createSession('brute-victim');
    other = await createSession('brute-other');
    const { MongoClient } = await import('mongodb');
    const mongo = await MongoClient.connect(state.mongoUrl);
    try {
      const docs = await mongo
        .db()
        .collection<{ _id: string; value: unknown }>('rocketchat_settings')
        .find({ _id: { $in: [...Object.keys(BLOCK_SETTINGS), ...Object.keys(LIMIT_SETTINGS)] } })
        .toArray();
      for (const d of docs) {
        saved[d._id] = d.value;
      }
    } finally {
      await mongo.close();
    }
    for (const [id, value] of Object.entries(BLOCK_SETTINGS)) {
      await setSetting(id, value);
    }
  }, 120_000);

  afterAll(async () => {
    for (const id of Object.keys(BLOCK_SETTINGS)) {
      await setSetting(id, saved[id]);
    }
    await stopChild(second.child, 'SIGTERM', 10_000);
    closeConnections();
  });

  const login = (i: number, ip: string, body: Record<string, unknown>) =>
    call(gw[i % 2], 'POST', '/api/v1/login', { 'X-Forwarded-For': ip }, body);

  it('blocks a user after the configured failures, on both gateways, whatever the address', async () => {
    for (let i = 0; i < BLOCK_AFTER_USER; i++) {
      const res = await login(i, clientIp(), { user: victim.username, password: 'wrong' });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('Unauthorized');
    }
    blocksAt = Date.now();
    for (let i = 0; i < 2; i++) {
      const res = await login(i, clientIp(), { user: victim.username, password: victim.password });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('error-login-blocked-for-user');
    }
    // another user is not affected
    expect((await login(1, clientIp(), { user: other.username, password: other.password })).status).toBe(200);
  });

  it('blocks an address after the configured failures, on both gateways, for every account; other addresses log in', async () => {
    blockedIp = clientIp();
    for (let i = 0; i < BLOCK_AFTER_IP; i++) {
      const res = await login(i, blockedIp, { user: `brute-nobody-${i}`, password: 'wrong' });
      expect(res.status).toBe(401);
    }
    blocksAt = Date.now();
    for (let i = 0; i < 2; i++) {
      const res = await login(i, blockedIp, { user: other.username, password: other.password });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('error-login-blocked-for-ip');
    }
    expect((await login(0, clientIp(), { user: other.username, password: other.password })).status).toBe(200);
  });

  describe('rate limits', () => {
    beforeAll(async () => {
      for (const [id, value] of Object.entries(LIMIT_SETTINGS)) {
        await setSetting(id, value);
      }
    });

    afterAll(async () => {
      for (const id of Object.keys(LIMIT_SETTINGS)) {
        await setSetting(id, saved[id]);
      }
    });

    /** Calls alternate between the gateways from one address: LIMIT pass in total, then 429 on both. */
    async function limited(path: string, body: (i: number) => Record<string, unknown>, limit: number) {
      const ip = clientIp();
      const statuses: number[] = [];
      for (let i = 0; i < limit * 2 + 2; i++) {
        const res = await call(gw[i % 2], 'POST', path, { 'X-Forwarded-For': ip }, body(i));
        statuses.push(res.status);
        if (res.status === 429) {
          expect(res.body.errorType).toBe('error-too-many-requests');
        }
      }
      expect(statuses.slice(0, limit).every((s) => s !== 429)).toBe(true);
      expect(statuses.slice(limit)).toEqual(new Array(statuses.length - limit).fill(429));
      return statuses;
    }

    it('holds the login rate limit across both gateways', async () => {
      await limited('/api/v1/login', () => ({ user: `brute-limit-${Date.now()}`, password: 'wrong' }), LIMIT);
    });

    it('holds the registration rate limit (Rate_Limiter_Limit_RegisterUser) across both gateways', async () => {
      const statuses = await limited(
        '/api/v1/users.register',
        (i) => {
          const username = `brute-reg-${Date.now()}-${i}`;
          return { username, email: `${username}@robustness.test`, pass: 'Brute-pass-1', name: 'Brute' };
        },
        REGISTER_LIMIT,
      );
      expect(statuses.slice(0, REGISTER_LIMIT)).toEqual(new Array(REGISTER_LIMIT).fill(200));
    });

    it('holds the password-reset rate limit across both gateways', async () => {
      const statuses = await limited(
        '/api/v1/users.forgotPassword',
        () => ({ email: `${victim.username}@robustness.test` }),
        LIMIT,
      );
      expect(statuses.slice(0, LIMIT)).toEqual(new Array(LIMIT).fill(200));
    });
  });

  it('lifts both blocks once the configured minute has passed', async () => {
    // half-way through the minute both blocks still hold
    await sleep(Math.max(0, blocksAt + 30_000 - Date.now()));
    expect((await login(1, clientIp(), { user: victim.username, password: victim.password })).body.error).toBe(
      'error-login-blocked-for-user',
    );
    expect((await login(0, blockedIp, { user: other.username, password: other.password })).body.error).toBe(
      'error-login-blocked-for-ip',
    );
    await sleep(Math.max(0, blocksAt + 61_000 - Date.now()));
    const user = await login(0, clientIp(), { user: victim.username, password: victim.password });
    expect(user.status).toBe(200);
    const ip = await login(1, blockedIp, { user: other.username, password: other.password });
    expect(ip.status).toBe(200);
    process.stdout.write(
      `brute force: limits of ${LIMIT} logins, ${REGISTER_LIMIT} registrations and ${LIMIT} password resets held across 2 gateways; ` +
        `blocks after ${BLOCK_AFTER_USER} failures per user and ${BLOCK_AFTER_IP} per address held, and lifted after 1 minute\n`,
    );
  }, 120_000);
});
