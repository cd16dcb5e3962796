/**
 * Scale-out: two gateways and two replicas of every service on their own Redis, against the real database.
 * Each request is handled by exactly one replica; a replica killed or stopped mid-traffic loses nothing that
 * was acknowledged; Redis restarting is survived; the rate limit is shared by the gateways.
 */
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppsHandle, freePort, Proc, startApps, startRedis } from '../scripts/infra';
import { readState } from './helpers/state';

jest.setTimeout(240_000);

/** A parsed JSON reply, read loosely by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

interface Reply {
  status: number;
  body: Json;
  headers: Headers;
}

async function call(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Reply> {
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    let parsed: Json = {};
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      parsed = { raw: text };
    }
    return { status: res.status, body: parsed, headers: res.headers };
  } catch (err) {
    return { status: 0, body: { error: (err as Error).message }, headers: new Headers() };
  }
}

async function loginAt(base: string, user: string, password: string): Promise<Record<string, string>> {
  const res = await call(base, 'POST', '/api/v1/login', {}, { user, password });
  if (res.status !== 200) {
    throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { 'X-User-Id': res.body.data.userId as string, 'X-Auth-Token': res.body.data.authToken as string };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Runs `task(i)` for i in [0, n) with at most `concurrency` at once. */
async function pool<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array<T>(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

async function handledBy(apps: AppsHandle, app: string): Promise<number[]> {
  const counts: number[] = [];
  for (const p of apps.procs.filter((x) => x.app === app)) {
    const res = await call(`http://127.0.0.1:${String(p.healthPort)}`, 'GET', '/health/ready');
    counts.push(Number(res.body.details?.redis?.handled ?? -1));
  }
  return counts;
}

async function allMessages(base: string, headers: Record<string, string>, roomId: string): Promise<string[]> {
  const res = await call(base, 'GET', `/api/v1/channels.history?roomId=${roomId}&count=0`, headers);
  expect(res.status).toBe(200);
  return (res.body.messages as { msg: string }[]).map((m) => m.msg);
}

function duplicates(texts: string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((t) => (seen.has(t) ? true : (seen.add(t), false)));
}

describe('scale-out: 2 gateways, 2 replicas of every service', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'rc-scale-'));
  let redis: Proc;
  let redisPort: number;
  let apps: AppsHandle;
  let gw: string[];
  let admin: Record<string, string>;

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis({ port: redisPort, dir: join(tmp, 'redis'), logFile: join(tmp, 'logs', 'redis.log') });
    const mongoBase = readState().mongoUrl.replace(/\/[^/]*$/, '');
    apps = await startApps({
      env: {
        REDIS_URL: redis.url,
        MONGO_URL: `${mongoBase}/rc_scale_${Date.now()}`,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        RPC_TIMEOUT_MS: '5000',
        RPC_CLAIM_IDLE_MS: '1500',
        ADMIN_USERNAME: 'admin',
        ADMIN_PASS: 'scale-pass',
        ADMIN_EMAIL: 'admin@scale.test',
        OVERWRITE_SETTING_API_Enable_Rate_Limiter_Limit_Calls_Default: '25',
      },
      replicas: { gateway: 2, 'users-rooms': 2, chat: 2, livechat: 2, integrations: 2 },
      logDir: join(tmp, 'logs'),
    });
    gw = apps.gatewayUrls;
    admin = await loginAt(gw[0], 'admin', 'scale-pass');
  }, 180_000);

  afterAll(async () => {
    await apps?.stop('SIGTERM', 10_000);
    await redis?.stop(5_000);
    if (!process.env.E2E_KEEP_LOGS) {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('holds the rate limit across both gateways: N allowed in total, not N per gateway', async () => {
    const username = `scale.rl.${Date.now()}`;
    const created = await call(gw[0], 'POST', '/api/v1/users.create', admin, {
      username,
      email: `${username}@scale.test`,
      name: 'RL',
      password: 'pw',
    });
    expect(created.status).toBe(200);
    const user = await loginAt(gw[1], username, 'pw');
    const statuses: number[] = [];
    let limit = 0;
    for (let i = 0; i < 60; i++) {
      const res = await call(gw[i % 2], 'GET', '/api/v1/channels.list?count=1', user);
      limit ||= Number(res.headers.get('x-ratelimit-limit'));
      statuses.push(res.status);
    }
    expect(limit).toBe(25);
    expect(statuses.filter((s) => s === 200)).toHaveLength(25);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
  });

  it('applies a permission change made through one gateway at once on every replica', async () => {
    const username = `scale.perm.${Date.now()}`;
    const created = await call(gw[0], 'POST', '/api/v1/users.create', admin, {
      username,
      email: `${username}@scale.test`,
      name: 'Perm',
      password: 'pw',
      roles: ['guest'],
    });
    expect(created.status).toBe(200);
    const guest = await loginAt(gw[1], username, 'pw');
    const before = await call(gw[1], 'POST', '/api/v1/channels.create', guest, { name: `scale-perm-${Date.now()}` });
    expect(before.status).toBe(403);
    const list = await call(gw[0], 'GET', '/api/v1/permissions.listAll', admin);
    const roles = (list.body.update as { _id: string; roles: string[] }[]).find((p) => p._id === 'create-c')!.roles;
    const update = await call(gw[0], 'POST', '/api/v1/permissions.update', admin, {
      permissions: [{ _id: 'create-c', roles: [...roles, 'guest'] }],
    });
    expect(update.status).toBe(200);
    // every users-rooms replica and gateway reloaded its table: the very next calls, whichever replica takes
    // them, see the grant
    for (let i = 0; i < 4; i++) {
      const res = await call(gw[i % 2], 'POST', '/api/v1/channels.create', guest, {
        name: `scale-perm-${Date.now()}-${i}`,
      });
      expect(res.status).toBe(200);
    }
    await call(gw[0], 'POST', '/api/v1/permissions.update', admin, { permissions: [{ _id: 'create-c', roles }] });
  });

  it('applies a settings change made through one gateway at once on the other gateway and every replica', async () => {
    const withFactor = { ...admin, 'x-2fa-code': sha256('scale-pass'), 'x-2fa-method': 'password' };
    const users = (base: string) => call(base, 'GET', '/api/v1/users.list', admin);
    expect((await users(gw[1])).body.count).toBeGreaterThan(2);
    const set = await call(gw[0], 'POST', '/api/v1/settings/API_Default_Count', withFactor, { value: 2 });
    expect(set.status).toBe(200);
    try {
      // the other gateway's paging, and both users-rooms replicas' reads, follow on the very next calls
      for (let i = 0; i < 4; i++) {
        expect((await users(gw[(i + 1) % 2])).body.count).toBe(2);
        const one = await call(gw[i % 2], 'GET', '/api/v1/settings/API_Default_Count', admin);
        expect(one.body.value).toBe(2);
      }
    } finally {
      await call(gw[1], 'POST', '/api/v1/settings/API_Default_Count', withFactor, { value: 50 });
    }
    expect((await users(gw[0])).body.count).toBeGreaterThan(2);
  });

  it('instances.get lists both replicas of every app', async () => {
    const res = await call(gw[1], 'GET', '/api/v1/instances.get', admin);
    expect(res.status).toBe(200);
    const names = (res.body.instances as { instanceRecord: { name: string; pid: number } }[]).map(
      (i) => i.instanceRecord.name,
    );
    expect(names.sort()).toEqual(
      ['chat', 'gateway', 'integrations', 'livechat', 'users-rooms'].flatMap((app) => [app, app]),
    );
    const pids = (res.body.instances as { instanceRecord: { pid: number } }[]).map((i) => i.instanceRecord.pid);
    expect(pids.sort()).toEqual(apps.procs.map((p) => p.pid).sort());
  });

  it('stores exactly 1,000 messages for 1,000 posts spread over both gateways, handled by both chat replicas', async () => {
    const channel = await call(gw[0], 'POST', '/api/v1/channels.create', admin, { name: `scale-1000-${Date.now()}` });
    const roomId = channel.body.channel._id as string;
    const before = await handledBy(apps, 'chat');
    const results = await pool(1000, 20, (i) =>
      call(gw[i % 2], 'POST', '/api/v1/chat.postMessage', admin, { roomId, text: `m-${i}` }),
    );
    expect(results.filter((r) => r.status !== 200).map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
    const texts = await allMessages(gw[1], admin, roomId);
    expect(texts).toHaveLength(1000);
    expect(duplicates(texts)).toEqual([]);
    const after = await handledBy(apps, 'chat');
    const perReplica = after.map((n, i) => n - before[i]);
    // every post is one chat request; both replicas took a share
    expect(perReplica.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1000);
    for (const n of perReplica) {
      expect(n).toBeGreaterThan(50);
    }
    // the room counter (updated by users-rooms from an event) agrees
    let msgs = 0;
    for (let i = 0; i < 50 && msgs !== 1000; i++) {
      msgs = (await call(gw[0], 'GET', `/api/v1/channels.info?roomId=${roomId}`, admin)).body.channel.msgs as number;
      if (msgs !== 1000) {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    expect(msgs).toBe(1000);
  });

  it("a kicked user's next post is refused within one second on every chat replica; a deleted room too", async () => {
    const name = `scale-kick-${Date.now()}`;
    const username = `scale.kick.${Date.now()}`;
    await call(gw[0], 'POST', '/api/v1/users.create', admin, {
      username,
      email: `${username}@scale.test`,
      name: 'Kick',
      password: 'pw',
    });
    const member = await loginAt(gw[1], username, 'pw');
    const group = await call(gw[0], 'POST', '/api/v1/groups.create', admin, { name, members: [username] });
    const roomId = group.body.group._id as string;
    // both chat replicas serve (and cache) the member's posts (24 posts in all: under the limit of 25 a minute)
    const before = await handledBy(apps, 'chat');
    const warm = await pool(16, 8, (i) =>
      call(gw[i % 2], 'POST', '/api/v1/chat.postMessage', member, { roomId, text: `w-${i}` }),
    );
    expect(warm.filter((r) => r.status !== 200)).toEqual([]);
    const after = await handledBy(apps, 'chat');
    expect(after.every((n, i) => n > before[i])).toBe(true);

    const kicked = await call(gw[0], 'POST', '/api/v1/groups.kick', admin, { roomId, username });
    expect(kicked.status).toBe(200);
    // the change must reach every replica within a second (their caches would otherwise hold it for 10 s)
    await new Promise((r) => setTimeout(r, 1000));
    const posts = await pool(8, 4, (i) =>
      call(gw[i % 2], 'POST', '/api/v1/chat.postMessage', member, { roomId, text: `after-${i}` }),
    );
    // refused on both replicas (a private group: a public channel would take the poster back, as Rocket.Chat does)
    expect(posts.map((r) => r.status)).toEqual(posts.map(() => 400));

    const deleted = await call(gw[1], 'POST', '/api/v1/groups.delete', admin, { roomId });
    expect(deleted.status).toBe(200);
    const late = await pool(10, 4, (i) =>
      call(gw[i % 2], 'POST', '/api/v1/chat.postMessage', admin, { roomId, text: `gone-${i}` }),
    );
    expect(late.map((r) => r.status)).toEqual(late.map(() => 400));
  });

  it('SIGKILL of a chat replica mid-traffic: each post succeeds exactly once or fails cleanly; nothing is stored twice', async () => {
    const channel = await call(gw[0], 'POST', '/api/v1/channels.create', admin, { name: `scale-kill-${Date.now()}` });
    const roomId = channel.body.channel._id as string;
    const running = pool(400, 20, (i) =>
      call(gw[i % 2], 'POST', '/api/v1/chat.postMessage', admin, { roomId, text: `k-${i}` }),
    );
    await new Promise((r) => setTimeout(r, 300));
    await apps.kill('chat', 0, 'SIGKILL');
    const results = await running;
    const ok = results.map((r, i) => (r.status === 200 ? `k-${i}` : null)).filter((t): t is string => t !== null);
    for (const r of results.filter((x) => x.status !== 200)) {
      // a clean failure envelope, never a hang or a dropped connection
      expect(r.status).toBe(503);
      expect(r.body).toEqual(expect.objectContaining({ success: false, errorType: 'error-service-unavailable' }));
    }
    // wait for the survivor to finish what it claimed from the dead replica
    await new Promise((r) => setTimeout(r, 3000));
    const texts = await allMessages(gw[0], admin, roomId);
    expect(duplicates(texts)).toEqual([]);
    for (const t of ok) {
      expect(texts).toContain(t);
    }
    expect(ok.length).toBeGreaterThan(300);
    await apps.restart('chat', 0);
  });

  it('SIGTERM of a chat replica during a steady stream: zero failed requests', async () => {
    const channel = await call(gw[0], 'POST', '/api/v1/channels.create', admin, { name: `scale-term-${Date.now()}` });
    const roomId = channel.body.channel._id as string;
    const running = pool(400, 10, (i) =>
      call(gw[i % 2], 'POST', '/api/v1/chat.postMessage', admin, { roomId, text: `t-${i}` }),
    );
    await new Promise((r) => setTimeout(r, 300));
    await apps.kill('chat', 1, 'SIGTERM');
    const results = await running;
    expect(results.filter((r) => r.status !== 200).map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
    const texts = await allMessages(gw[0], admin, roomId);
    expect(texts).toHaveLength(400);
    expect(duplicates(texts)).toEqual([]);
    await apps.restart('chat', 1);
  });

  it('SIGTERM of a gateway mid-request on a keep-alive connection: it answers, closes the connection and exits', async () => {
    const url = new URL(gw[1]);
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    let received = '';
    let closedAt = 0;
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('close', () => (closedAt = Date.now()));
    const body = JSON.stringify({ user: 'admin', password: 'scale-pass' });
    const head = `POST /api/v1/login HTTP/1.1\r\nHost: scale\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${String(body.length)}\r\n\r\n`;
    // half the body now, the rest once the shutdown has begun: the request is in flight when SIGTERM arrives
    socket.write(head + body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const exited = apps.kill('gateway', 1, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    socket.write(body.slice(10));
    await exited;
    // not after the 65 s keep-alive timeout, nor after SHUTDOWN_TIMEOUT_MS (15 s) has cut the shutdown short
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(received).toMatch(/^HTTP\/1\.1 200 [\s\S]*"authToken":"[^"]+"/);
    expect(closedAt).toBeGreaterThan(0);
    socket.destroy();
    await apps.restart('gateway', 1);
    expect((await call(gw[1], 'GET', '/api/info')).status).toBe(200);
  });

  it('survives a Redis restart: the apps reconnect and serve again without a restart of their own', async () => {
    const channel = await call(gw[0], 'POST', '/api/v1/channels.create', admin, { name: `scale-redis-${Date.now()}` });
    const roomId = channel.body.channel._id as string;
    await redis.stop(5_000);
    const down = await call(gw[0], 'POST', '/api/v1/chat.postMessage', admin, { roomId, text: 'while redis is down' });
    expect(down.status).toBeGreaterThanOrEqual(500);
    expect(down.body.success).toBe(false);
    redis = await startRedis({ port: redisPort, dir: join(tmp, 'redis'), logFile: join(tmp, 'logs', 'redis-2.log') });
    let ok = false;
    for (let i = 0; i < 60 && !ok; i++) {
      const res = await call(gw[i % 2], 'POST', '/api/v1/chat.postMessage', admin, { roomId, text: `after-${i}` });
      ok = res.status === 200;
      if (!ok) {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    expect(ok).toBe(true);
    const results = await pool(50, 5, (i) =>
      call(gw[i % 2], 'POST', '/api/v1/chat.postMessage', admin, { roomId, text: `steady-${i}` }),
    );
    expect(results.filter((r) => r.status !== 200)).toHaveLength(0);
    for (const base of gw) {
      expect((await call(base, 'GET', '/health/ready')).status).toBe(200);
    }
    // and a replica stopped right after still shuts down gracefully and promptly (its job queues reconnected too)
    const stopping = Date.now();
    await apps.kill('users-rooms', 1, 'SIGTERM');
    expect(Date.now() - stopping).toBeLessThan(8000);
  });
});
