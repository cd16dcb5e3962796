/**
 * Faults under load (short form, bounded in count and time). A cluster of its own, as test/scale.e2e-spec.ts
 * starts one: two gateways, two replicas of users-rooms and chat, one of livechat and integrations, its own
 * Redis (append-only file on disk) and its own database server (H2 file on disk), a local SMTP server. A
 * steady stream of writes (posts, user creation, channel creation, password-reset e-mails, data exports) goes
 * through both gateways while, in turn: one replica of each service is SIGKILLed and restarted, Redis is
 * restarted, the database server is restarted, and a replica of users-rooms and of chat is paused for longer
 * than the RPC deadline. Afterwards every acknowledged write is stored exactly once, every acknowledged e-mail
 * arrived and every acknowledged export completed, and every failure a client saw was a clean envelope (503 or
 * 4xx), never a 500, a reset connection or a hang.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { SMTPServer } from 'smtp-server';
import { App, AppsHandle, freePort, Proc, sleep, startApps, startMongo, startRedis } from '../../scripts/infra';
import { call, closeConnections, isFailureEnvelope } from './support/http';

jest.setTimeout(600_000);

const RPC_TIMEOUT_MS = 3000;
/** How long the steady stream may run at most, and how many writes it may make (the CI bound). */
const STREAM_MAX_MS = 150_000;
const STREAM_MAX_WRITES = 4000;
const WORKERS = 6;

type Kind = 'post' | 'user' | 'channel' | 'mail' | 'export';

interface Write {
  kind: Kind;
  key: string;
  status: number;
  body: Record<string, unknown>;
  error?: string;
}

const acknowledged = (w: Write) => w.status === 200 && w.body.success !== false;
/** A failure a client can handle: 503 error-service-unavailable, or a 4xx, each in the failure envelope. */
const clean = (w: Write) =>
  w.status === 503
    ? w.body.errorType === 'error-service-unavailable' && isFailureEnvelope(w.body)
    : w.status >= 400 && w.status < 500 && w.status !== 429 && isFailureEnvelope(w.body);

describe('faults under load', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'rc-faults-'));
  const received = new Map<string, number>();
  let smtp: SMTPServer;
  let redis: Proc;
  let redisPort: number;
  let mongo: Proc;
  let mongoPort: number;
  let apps: AppsHandle;
  let gw: string[];
  let admin: Record<string, string>;
  let db: MongoClient;
  const mongoUrl = () => `mongodb://127.0.0.1:${mongoPort}/rc_faults`;
  const startOwnRedis = async (n: number) =>
    startRedis({
      port: redisPort,
      dir: join(tmp, 'redis'),
      appendonly: true,
      logFile: join(tmp, 'logs', `redis-${n}.log`),
    });
  const startOwnMongo = async (n: number) =>
    startMongo({
      port: mongoPort,
      dataDir: join(tmp, 'mongo'),
      logFile: join(tmp, 'logs', `mongo-${n}.log`),
      forceJava: false,
    });

  beforeAll(async () => {
    const smtpPort = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          for (const to of session.envelope.rcptTo) {
            const address = to.address.toLowerCase();
            received.set(address, (received.get(address) ?? 0) + 1);
          }
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
    redisPort = await freePort();
    mongoPort = await freePort();
    redis = await startOwnRedis(0);
    mongo = await startOwnMongo(0);
    apps = await startApps({
      env: {
        REDIS_URL: redis.url,
        MONGO_URL: mongoUrl(),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS),
        RPC_CLAIM_IDLE_MS: '1500',
        ADMIN_USERNAME: 'admin',
        ADMIN_PASS: 'faults-pass',
        ADMIN_EMAIL: 'admin@faults.test',
        DATA_EXPORT_PATH: join(tmp, 'exports'),
        OVERWRITE_SETTING_SMTP_Host: '127.0.0.1',
        OVERWRITE_SETTING_SMTP_Port: String(smtpPort),
        OVERWRITE_SETTING_SMTP_IgnoreTLS: 'true',
        OVERWRITE_SETTING_From_Email: 'no-reply@faults.test',
        OVERWRITE_SETTING_API_Enable_Rate_Limiter: 'false',
      },
      replicas: { gateway: 2, 'users-rooms': 2, chat: 2, livechat: 1, integrations: 1 },
      logDir: join(tmp, 'logs'),
    });
    gw = apps.gatewayUrls;
    const login = await call(gw[0], 'POST', '/api/v1/login', {}, { user: 'admin', password: 'faults-pass' });
    const data = login.body.data as { userId: string; authToken: string };
    admin = { 'X-User-Id': data.userId, 'X-Auth-Token': data.authToken };
    db = await MongoClient.connect(mongoUrl());
  }, 240_000);

  afterAll(async () => {
    await db?.close();
    await apps?.stop('SIGTERM', 10_000);
    await redis?.stop(5_000);
    await mongo?.stop(10_000);
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    closeConnections();
    if (!process.env.E2E_KEEP_LOGS) {
      rmSync(tmp, { recursive: true, force: true });
    } else {
      process.stderr.write(`[faults] logs kept in ${tmp}/logs\n`);
    }
  });

  /** Until every gateway answers ready (every service replies over the transport and reaches the database). */
  async function ready(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const statuses = await Promise.all(gw.map((g) => call(g, 'GET', '/health/ready', {}, undefined, 3000)));
      if (statuses.every((s) => s.status === 200)) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`not ready: ${statuses.map((s) => `${s.status} ${JSON.stringify(s.body)}`).join('; ')}`);
      }
      await sleep(500);
    }
  }

  async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await check();
      if (result !== undefined) {
        return result;
      }
      if (Date.now() > deadline) {
        throw new Error(`${what} did not happen within ${timeoutMs} ms`);
      }
      await sleep(500);
    }
  }

  it('keeps every acknowledged write exactly once, loses no queued job, and fails only cleanly', async () => {
    const run = Date.now().toString(36);
    const channel = await call(gw[0], 'POST', '/api/v1/channels.create', admin, { name: `faults-room-${run}` });
    const roomId = (channel.body.channel as { _id: string })._id;
    // users who ask for their data during the faults (one export each)
    const exporters: { username: string; headers: Record<string, string> }[] = [];
    for (let i = 0; i < 8; i++) {
      const username = `faults-x-${run}-${i}`;
      await call(gw[0], 'POST', '/api/v1/users.create', admin, {
        username,
        email: `${username}@faults.test`,
        name: username,
        password: 'pw',
      });
      const login = await call(gw[1], 'POST', '/api/v1/login', {}, { user: username, password: 'pw' });
      const d = login.body.data as { userId: string; authToken: string };
      exporters.push({ username, headers: { 'X-User-Id': d.userId, 'X-Auth-Token': d.authToken } });
    }

    const writes: Write[] = [];
    let stop = false;
    let n = 0;
    const started = Date.now();
    const one = async (i: number): Promise<void> => {
      const base = gw[i % 2];
      const slot = i % 20;
      let kind: Kind;
      let key: string;
      let res: Awaited<ReturnType<typeof call>>;
      if (slot === 19 && exporters.length) {
        const who = exporters.shift()!;
        kind = 'export';
        key = who.username;
        res = await call(base, 'GET', '/api/v1/users.requestDataDownload', who.headers, undefined, 20_000);
      } else if (slot >= 16) {
        kind = slot === 18 ? 'mail' : 'user';
        key = `faults-u-${run}-${i}`;
        res = await call(
          base,
          'POST',
          '/api/v1/users.create',
          admin,
          { username: key, email: `${key}@faults.test`, name: key, password: 'pw' },
          20_000,
        );
        if (kind === 'mail') {
          // a password-reset mail for the user just created (only when it exists)
          if (res.status !== 200) {
            kind = 'user';
          } else {
            writes.push({ kind: 'user', key, status: res.status, body: res.body });
            res = await call(base, 'POST', '/api/v1/users.forgotPassword', {}, { email: `${key}@faults.test` }, 20_000);
          }
        }
      } else if (slot >= 14) {
        kind = 'channel';
        key = `faults-c-${run}-${i}`;
        res = await call(base, 'POST', '/api/v1/channels.create', admin, { name: key }, 20_000);
      } else {
        kind = 'post';
        key = `faults-m-${run}-${i}`;
        res = await call(base, 'POST', '/api/v1/chat.postMessage', admin, { roomId, text: key }, 20_000);
      }
      writes.push({
        kind,
        key,
        status: res.status,
        body: res.body,
        error: res.answer.error ?? (res.answer.timedOut ? 'no answer' : undefined),
      });
    };
    const stream = Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (!stop && n < STREAM_MAX_WRITES && Date.now() - started < STREAM_MAX_MS) {
          await one(n++);
          await sleep(20);
        }
      }),
    );

    const faults: string[] = [];
    const step = async (what: string, fault: () => Promise<void>) => {
      await sleep(2000);
      const at = Date.now();
      await fault();
      await ready();
      faults.push(`${what} (${((Date.now() - at) / 1000).toFixed(1)} s)`);
    };
    const kill = (app: App, index: number) =>
      step(`SIGKILL ${app}-${index}`, async () => {
        await apps.kill(app, index, 'SIGKILL');
        await sleep(1500);
        await apps.restart(app, index);
      });
    await kill('users-rooms', 0);
    await kill('chat', 0);
    await kill('livechat', 0);
    await kill('integrations', 0);
    await step(`restart Redis (down ${RPC_TIMEOUT_MS + 1000} ms)`, async () => {
      await redis.stop(10_000);
      // down for longer than the RPC deadline
      await sleep(RPC_TIMEOUT_MS + 1000);
      redis = await startOwnRedis(1);
    });
    await step('restart the database server', async () => {
      await mongo.stop(15_000);
      await sleep(1000);
      mongo = await startOwnMongo(1);
    });
    await step(`pause users-rooms-1 and chat-1 for ${RPC_TIMEOUT_MS + 2000} ms`, async () => {
      await apps.kill('users-rooms', 1, 'SIGSTOP');
      await apps.kill('chat', 1, 'SIGSTOP');
      await sleep(RPC_TIMEOUT_MS + 2000);
      await apps.kill('users-rooms', 1, 'SIGCONT');
      await apps.kill('chat', 1, 'SIGCONT');
    });
    await sleep(2000);
    stop = true;
    await stream;
    await ready();

    // what the database holds now
    const acked = writes.filter(acknowledged);
    const unclean = writes.filter((w) => !acknowledged(w) && !clean(w));
    const cleanFailures = writes.filter((w) => !acknowledged(w) && clean(w));
    const lost: string[] = [];
    const duplicated: string[] = [];
    const d = db.db();
    const posts = await d
      .collection<{ msg: string }>('rocketchat_message')
      .find({ rid: roomId })
      .project<{ msg: string }>({ msg: 1 })
      .toArray();
    const users = await d
      .collection<{ username: string }>('users')
      .find({ username: { $regex: `^faults-u-${run}-` } })
      .project<{ username: string }>({ username: 1 })
      .toArray();
    const rooms = await d
      .collection<{ name: string }>('rocketchat_room')
      .find({ name: { $regex: `^faults-c-${run}-` } })
      .project<{ name: string }>({ name: 1 })
      .toArray();
    const count = (values: string[]) =>
      values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
    const stored: Record<'post' | 'user' | 'channel', Map<string, number>> = {
      post: count(posts.map((p) => p.msg)),
      user: count(users.map((u) => u.username)),
      channel: count(rooms.map((r) => r.name)),
    };
    for (const [kind, map] of Object.entries(stored)) {
      for (const [key, times] of map) {
        if (times > 1) {
          duplicated.push(`${kind} ${key} stored ${times} times`);
        }
      }
    }
    for (const w of acked.filter((x) => x.kind === 'post' || x.kind === 'user' || x.kind === 'channel')) {
      if (!stored[w.kind as 'post' | 'user' | 'channel'].get(w.key)) {
        lost.push(`${w.kind} ${w.key} acknowledged but not stored`);
      }
    }
    // queued jobs: every acknowledged reset mail arrives, every acknowledged export completes
    const mails = acked.filter((w) => w.kind === 'mail');
    const exports = acked.filter((w) => w.kind === 'export');
    await until(
      'the acknowledged e-mails',
      () => Promise.resolve(mails.every((m) => received.has(`${m.key}@faults.test`)) ? true : undefined),
      90_000,
    ).catch(() => undefined);
    for (const m of mails.filter((x) => !received.has(`${x.key}@faults.test`))) {
      lost.push(`password-reset mail to ${m.key} acknowledged but never sent`);
    }
    const operationIds = exports.map((e) => (e.body.exportOperation as { _id: string })._id);
    const statusOf = async () =>
      new Map(
        (
          await d
            .collection<{ _id: string; status: string }>('rocketchat_export_operations')
            .find({ _id: { $in: operationIds } })
            .toArray()
        ).map((o) => [o._id, o.status]),
      );
    await until(
      'the acknowledged exports',
      async () =>
        [...(await statusOf()).values()].filter((s) => s === 'completed').length === operationIds.length
          ? true
          : undefined,
      120_000,
    ).catch(() => undefined);
    const statuses = await statusOf();
    for (const id of operationIds.filter((x) => statuses.get(x) !== 'completed')) {
      lost.push(`export ${id} acknowledged but ${statuses.get(id) ?? 'missing'}`);
    }

    process.stdout.write(
      `faults: ${writes.length} writes, ${acked.length} acknowledged, ${lost.length} lost, ${duplicated.length} duplicated, ` +
        `${cleanFailures.length} clean failures, ${unclean.length} unclean\n` +
        `  (${mails.length} e-mails and ${exports.length} exports acknowledged; ${faults.join(', ')})\n`,
    );
    expect(
      unclean.map((w) => `${w.kind} ${w.key}: ${w.status} ${w.error ?? ''} ${JSON.stringify(w.body).slice(0, 200)}`),
    ).toEqual([]);
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(acked.length).toBeGreaterThan(writes.length / 2);
    expect(exports.length).toBeGreaterThan(0);
    expect(mails.length).toBeGreaterThan(0);
  });
});
