/**
 * HTTP benchmark of the gateway: starts its own redis-server, an in-memory MongoDB-wire server and the five apps
 * (scripts/infra.ts), seeds a user, a channel and 200 messages, then measures with autocannon:
 *   baseline            a bare node:http server (own process) answering {"success":true}
 *   nest baseline       a bare Nest-on-express app (own process), one guard-free GET
 *   GET /api/info       gateway + one users-rooms round trip, no auth
 *   GET users.info      authenticated read through users-rooms
 *   chat.postMessage    authenticated write (gateway → chat service → Mongo), also spread over rooms/users and
 *                       with mentions
 *   channels.history    authenticated read of 20 messages, also spread
 *   chat.search         a regular-expression search in the caller's room
 * Prints a table, writes bench/results/latest.json and exits non-zero when any scenario saw errors or non-2xx.
 *
 * Knobs: BENCH_DURATION (s per scenario, default 10), BENCH_CONNECTIONS (default 50), BENCH_WARMUP (s, default 2,
 * 0 = none), BENCH_REPLICAS (e.g. `chat=2,users-rooms=2`), BENCH_KEEP_LOGS=1 (keep the temp dir with the logs),
 * BENCH_SCENARIOS (names separated by `;`), BENCH_USERS / BENCH_ROOMS (the spread scenarios' size), BENCH_OUT (the
 * result file's name), BENCH_PROFILE (apps to run under `--cpu-prof`, e.g. `gateway`).
 */
import { ChildProcess, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  APPS,
  App,
  AppsHandle,
  freePort,
  repoRoot,
  startApps,
  startMongo,
  startRedis,
  stopChild,
  tailFile,
} from '../scripts/infra';
import { MongoClient } from 'mongodb';
import { createHash, randomBytes } from 'node:crypto';
import { CpuUsage, diff, snapshot } from './cpu';
import { formatSummary, ProfileSummary, summarize } from './profile-summary';
import { fmt, formatJson, gitRevision, intEnv, round } from './common';

// ---------------------------------------------------------------------------------------------------------------
// autocannon (no @types package in the repo: the part of its API used here)

interface Histogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  total: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
}

interface AutocannonResult {
  requests: Histogram & { sent: number };
  latency: Histogram & { totalCount: number };
  throughput: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  resets: number;
  statusCodeStats: Record<string, { count: number }>;
  duration: number;
}

interface AutocannonRequest {
  method?: 'GET' | 'POST';
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

interface AutocannonOptions {
  url: string | string[];
  connections: number;
  duration: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  title?: string;
  timeout?: number;
  /** per-request rewrites: each request goes through `setupRequest` (users and rooms rotate) */
  requests?: { setupRequest: (req: AutocannonRequest) => AutocannonRequest }[];
}

interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  stop(): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: AutocannonOptions) => AutocannonInstance;

// ---------------------------------------------------------------------------------------------------------------
// Settings

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function parseReplicas(raw: string | undefined): Partial<Record<App, number>> {
  const replicas: Partial<Record<App, number>> = {};
  if (!raw || !raw.trim()) {
    return replicas;
  }
  for (const part of raw.split(',')) {
    const [name, count] = part.split('=').map((s) => s.trim());
    if (!(APPS as readonly string[]).includes(name)) {
      throw new Error(`BENCH_REPLICAS: unknown app "${name}" (apps: ${APPS.join(', ')})`);
    }
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1) {
      throw new Error(`BENCH_REPLICAS: "${part}" needs a count >= 1`);
    }
    replicas[name as App] = n;
  }
  return replicas;
}

function loadSettings() {
  try {
    return {
      duration: intEnv('BENCH_DURATION', 10, 1),
      connections: intEnv('BENCH_CONNECTIONS', 50, 1),
      /** requests per second over all connections; 0: as fast as the system answers */
      rate: intEnv('BENCH_RATE', 0, 0),
      warmup: intEnv('BENCH_WARMUP', 2, 0),
      replicas: parseReplicas(process.env.BENCH_REPLICAS),
      seedMessages: 200,
      historyCount: 20,
      users: intEnv('BENCH_USERS', 1000, 1),
      /** apps to run under `node --cpu-prof` (their profile is summarised at the end) */
      profile: (process.env.BENCH_PROFILE ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean) as App[],
      rooms: intEnv('BENCH_ROOMS', 100, 1),
      /** scenario names separated by `;` (names hold commas: `POST chat.postMessage, spread`) */
      scenarios: (process.env.BENCH_SCENARIOS ?? '')
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean),
    };
  } catch (err) {
    log((err as Error).message);
    process.exit(2);
  }
}

const settings = loadSettings();
const keepLogs = process.env.BENCH_KEEP_LOGS === '1';

const ADMIN = { username: 'admin', password: 'bench-pass', email: 'admin@bench.test' };

// ---------------------------------------------------------------------------------------------------------------
// Cleanup: run in reverse order of registration, once, also on Ctrl-C / SIGTERM.

const cleanups: { what: string; fn: () => Promise<void> | void }[] = [];
let cleaning: Promise<void> | undefined;
let current: AutocannonInstance | undefined;
let appsHandle: AppsHandle | undefined;

function onCleanup(what: string, fn: () => Promise<void> | void): void {
  cleanups.push({ what, fn });
}

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const { what, fn } of [...cleanups].reverse()) {
      try {
        await fn();
      } catch (err) {
        log(`cleanup (${what}) failed: ${(err as Error).message}`);
      }
    }
  })();
  return cleaning;
}

let signalled = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (signalled) {
      // second Ctrl-C: leave now (infra's exit hook SIGKILLs the children)
      process.exit(130);
    }
    signalled = true;
    log(`${signal}: stopping everything...`);
    current?.stop();
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP helpers for the setup

interface Auth {
  userId: string;
  authToken: string;
}

function authHeaders(auth?: Auth): Record<string, string> {
  return auth ? { 'X-User-Id': auth.userId, 'X-Auth-Token': auth.authToken } : {};
}

interface Answer {
  status: number;
  text: string;
  json: unknown;
}

/**
 * One request on a fresh connection (no keep-alive pool: a pooled socket that the server closed while idle, e.g.
 * during the baseline run, would fail the next request with a bare "fetch failed").
 */
function request(url: string, method: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      url,
      {
        method,
        agent: false,
        timeout: 30000,
        headers: { ...headers, ...(body === undefined ? {} : { 'Content-Length': Buffer.byteLength(body) }) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', fail);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          done({ status: res.statusCode ?? 0, text, json });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${url}: no answer after 30 s`)));
    req.on('error', (err) => fail(new Error(`${method} ${url}: ${err.message}`)));
    req.end(body);
  });
}

async function call<T>(base: string, method: 'GET' | 'POST', path: string, body?: unknown, auth?: Auth): Promise<T> {
  const res = await request(
    base + path,
    method,
    { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...authHeaders(auth) },
    body === undefined ? undefined : JSON.stringify(body),
  );
  const failed = (res.json as { success?: unknown } | undefined)?.success === false;
  if (res.status < 200 || res.status > 299 || failed || res.json === undefined) {
    throw new Error(`${method} ${path}: HTTP ${res.status} ${res.text.slice(0, 500)}`);
  }
  return res.json as T;
}

async function login(base: string, user: string, password: string): Promise<Auth> {
  const res = await call<{ data?: Partial<Auth> }>(base, 'POST', '/api/v1/login', { user, password });
  if (!res.data?.userId || !res.data.authToken) {
    throw new Error(`login as ${user}: no userId/authToken in the answer`);
  }
  return { userId: res.data.userId, authToken: res.data.authToken };
}

// ---------------------------------------------------------------------------------------------------------------
// Baseline server (child process, so it does not share autocannon's event loop)

async function startBaseline(script: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = fork(join(__dirname, script), [String(port)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`${script}: not ready after 10 s`)), 10000);
    child.once('message', (m) => {
      clearTimeout(timer);
      if (m === 'ready') {
        done();
      } else {
        fail(new Error(`${script}: unexpected message ${JSON.stringify(m)}`));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`${script} exited (${signal ?? `code ${String(code)}`}) before it was ready`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios

interface Scenario {
  name: string;
  title: string;
  method: 'GET' | 'POST';
  /** One URL per gateway (autocannon spreads the connections over them). */
  urls: string[];
  headers?: Record<string, string>;
  body?: string;
  /** Spreads the load over many users and rooms: each request is rewritten by this (path, headers, body). */
  rotate?: (req: AutocannonRequest) => AutocannonRequest;
  /** Checks one answer before the load, so a broken endpoint fails with its message rather than a count. */
  check: (json: unknown) => string | undefined;
  /** caps BENCH_WARMUP for this scenario, s */
  maxWarmupS?: number;
}

/**
 * The baselines are a few functions on one process each: warm in seconds. Long warm-ups are for the apps (and the
 * database double), and would only make a run minutes longer here.
 */
const BASELINE_MAX_WARMUP_S = 10;

interface ScenarioResult {
  name: string;
  title: string;
  method: string;
  path: string;
  connections: number;
  durationS: number;
  requestsPerSec: number;
  requestsTotal: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyAvgMs: number;
  latencyMaxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  ratioToBaseline?: { requestsPerSec: number; latencyP50: number; latencyP99: number };
  /** Linux only: CPU seconds per process group during the measured run, and µs of CPU per completed request. */
  cpu?: Omit<CpuUsage, 'threadSeconds'> & {
    usPerRequest: Record<string, number>;
    /** context switches of the main threads per request: the wake-ups a request took */
    switchesPerRequest: Record<string, number>;
    /** CPU of the helper threads per request (V8's optimising compiler, GC helpers, libuv's pool), µs */
    helperUsPerRequest: Record<string, number>;
    /** the database's CPU per request by thread kind (a JVM's GC, JIT compilers, network threads), µs */
    threadUsPerRequest: Record<string, Record<string, number>>;
    otherPctOfMachine?: number;
  };
  /**
   * Requests (and events) per read of each service's stream, over its replicas: what one read brings is handled
   * as one batch (`RPC_READ_LINGER_MS`); from the services' `/health/ready` before and after the measured run.
   */
  requestsPerRead?: Record<string, number>;
}

/**
 * Groups whose CPU is also split by thread kind: the database names its threads (mongo-java-server's JVM: GC, JIT
 * compilers, netty's event loops; mongod: a thread per connection, its storage engine's); node names all of its
 * own `node`.
 */
const THREAD_KIND_GROUPS = ['mongo'];

/** Process groups whose CPU is accounted (filled in once everything runs). */
const cpuGroups: Record<string, (number | 'self')[]> = {};

async function preflight(s: Scenario): Promise<void> {
  const first = s.rotate?.({ method: s.method, headers: s.headers, body: s.body });
  const url = first?.path ? new URL(first.path, s.urls[0]).toString() : s.urls[0];
  const { status, text, json } = await request(url, s.method, first?.headers ?? s.headers, first?.body ?? s.body);
  const problem = status < 200 || status > 299 ? `HTTP ${status}` : json === undefined ? 'not JSON' : s.check(json);
  if (problem) {
    throw new Error(`${s.name}: pre-flight request failed (${problem}): ${text.slice(0, 500)}`);
  }
}

async function fire(s: Scenario, duration: number): Promise<AutocannonResult> {
  current = autocannon({
    url: s.urls.length === 1 ? s.urls[0] : s.urls,
    connections: settings.connections,
    duration,
    method: s.method,
    headers: s.headers,
    body: s.body,
    title: s.name,
    ...(settings.rate > 0 ? { overallRate: settings.rate } : {}),
    ...(s.rotate ? { requests: [{ setupRequest: s.rotate }] } : {}),
  });
  try {
    return await current;
  } finally {
    current = undefined;
  }
}

type TransportCounts = Record<string, { handled: number; reads: number }>;

/**
 * Requests handled and reads that brought them, by service, summed over its replicas (their readiness); undefined
 * when a replica does not answer, which leaves the per-read table short rather than the run failed or skewed.
 */
async function transportCounts(): Promise<TransportCounts | undefined> {
  const counts: TransportCounts = {};
  for (const p of appsHandle?.procs ?? []) {
    if (p.app === 'gateway' || !p.healthPort) {
      continue;
    }
    const answer = await request(`http://127.0.0.1:${p.healthPort}/health/ready`, 'GET').catch(() => undefined);
    const redis = (answer?.json as { details?: { redis?: { handled?: number; reads?: number } } } | undefined)?.details
      ?.redis;
    if (redis?.handled === undefined || redis.reads === undefined) {
      return undefined;
    }
    const c = (counts[p.app] ??= { handled: 0, reads: 0 });
    c.handled += redis.handled;
    c.reads += redis.reads;
  }
  return counts;
}

function perRead(before: TransportCounts | undefined, after: TransportCounts | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [app, a] of Object.entries(before && after ? after : {})) {
    const reads = a.reads - (before?.[app]?.reads ?? 0);
    if (reads > 0) {
      out[app] = round((a.handled - (before?.[app]?.handled ?? 0)) / reads, 1);
    }
  }
  return out;
}

async function runScenario(s: Scenario): Promise<ScenarioResult> {
  await preflight(s);
  const warmup = Math.min(settings.warmup, s.maxWarmupS ?? Infinity);
  if (warmup > 0) {
    log(`${s.name}: warm-up ${warmup} s`);
    await fire(s, warmup);
  }
  if (signalled) {
    throw new Error('interrupted');
  }
  log(`${s.name}: ${settings.duration} s with ${settings.connections} connections`);
  const countsBefore = await transportCounts();
  const before = snapshot(cpuGroups, THREAD_KIND_GROUPS);
  const r = await fire(s, settings.duration);
  const usage = diff(before, snapshot(cpuGroups, THREAD_KIND_GROUPS));
  const requestsPerRead = perRead(countsBefore, await transportCounts());
  if (signalled) {
    throw new Error('interrupted');
  }
  const usPerRequest: Record<string, number> = {};
  const switchesPerRequest: Record<string, number> = {};
  const helperUsPerRequest: Record<string, number> = {};
  for (const [name, sec] of Object.entries(usage.seconds)) {
    const helperSec = sec - usage.mainSeconds[name];
    usPerRequest[name] = r.requests.total > 0 ? round((sec * 1e6) / r.requests.total, 0) : 0;
    switchesPerRequest[name] = r.requests.total > 0 ? round(usage.switches[name] / r.requests.total, 2) : 0;
    helperUsPerRequest[name] = r.requests.total > 0 ? round((helperSec * 1e6) / r.requests.total, 0) : 0;
    usage.seconds[name] = round(sec, 3);
    usage.mainSeconds[name] = round(usage.mainSeconds[name], 3);
  }
  const threadUsPerRequest: Record<string, Record<string, number>> = {};
  for (const [name, kinds] of Object.entries(usage.threadSeconds)) {
    threadUsPerRequest[name] = {};
    for (const [kind, sec] of Object.entries(kinds).sort((a, b) => b[1] - a[1])) {
      const us = r.requests.total > 0 ? round((sec * 1e6) / r.requests.total, 0) : 0;
      if (us > 0) {
        threadUsPerRequest[name][kind] = us;
      }
    }
  }
  const capacity = cpus().length * r.duration;
  const otherPctOfMachine =
    usage.otherSeconds !== undefined && capacity > 0 ? (100 * usage.otherSeconds) / capacity : undefined;
  if (otherPctOfMachine !== undefined && otherPctOfMachine > 10) {
    log(`${s.name}: other processes used ${otherPctOfMachine.toFixed(0)}% of the machine meanwhile: figures are low`);
  }
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(r.statusCodeStats)) {
    statusCodes[code] = stat.count;
  }
  const url = new URL(s.urls[0]);
  return {
    name: s.name,
    title: s.title,
    method: s.method,
    path: url.pathname + url.search,
    connections: settings.connections,
    durationS: r.duration,
    requestsPerSec: r.requests.average,
    requestsTotal: r.requests.total,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    latencyAvgMs: r.latency.average,
    latencyMaxMs: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
    cpu:
      usage.machineBusyPct === undefined
        ? undefined
        : {
            seconds: usage.seconds,
            mainSeconds: usage.mainSeconds,
            switches: usage.switches,
            otherSeconds: round(usage.otherSeconds ?? 0, 3),
            machineBusyPct: round(usage.machineBusyPct, 1),
            otherPctOfMachine: round(otherPctOfMachine ?? 0, 1),
            usPerRequest,
            switchesPerRequest,
            helperUsPerRequest,
            threadUsPerRequest,
          },
    requestsPerRead,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Output

function ratio(n: number, base: number): number {
  return base > 0 ? round(n / base, 4) : 0;
}

function table(results: ScenarioResult[]): string {
  const head = ['scenario', 'req/s', 'x base', 'p50 ms', 'x base', 'p99 ms', 'x base', 'non-2xx', 'errors'];
  const rows = results.map((r) => [
    r.name,
    fmt(r.requestsPerSec),
    r.ratioToBaseline ? `${r.ratioToBaseline.requestsPerSec.toFixed(3)}` : '',
    fmt(r.latencyP50Ms, 1),
    r.ratioToBaseline ? `${r.ratioToBaseline.latencyP50.toFixed(1)}` : '',
    fmt(r.latencyP99Ms, 1),
    r.ratioToBaseline ? `${r.ratioToBaseline.latencyP99.toFixed(1)}` : '',
    fmt(r.non2xx),
    fmt(r.errors),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** CPU per request of what serves it: the apps and Redis (not the database, the load generator or the baseline). */
function appsAndRedis(r: ScenarioResult): number {
  const us = r.cpu?.usPerRequest ?? {};
  return [...APPS, 'redis'].reduce((sum, g) => sum + (us[g] ?? 0), 0);
}

function cpuTable(results: ScenarioResult[]): string | undefined {
  if (!results.every((r) => r.cpu)) {
    return undefined;
  }
  const groups = Object.keys(cpuGroups).filter((g) => results.some((r) => (r.cpu?.usPerRequest[g] ?? 0) >= 0.5));
  const cpu = perProcessTable(results, ['busy %', 'other %', ...groups, 'apps+redis'], (r) => [
    fmt(r.cpu?.machineBusyPct ?? 0),
    fmt(r.cpu?.otherPctOfMachine ?? 0),
    ...groups.map((g) => fmt(r.cpu?.usPerRequest[g] ?? 0)),
    fmt(appsAndRedis(r)),
  ]);
  const wakeUps = perProcessTable(results, groups, (r) =>
    groups.map((g) => (r.cpu?.switchesPerRequest[g] ?? 0).toFixed(2)),
  );
  // the apps only: a JVM's or Redis's work is not on its main thread
  const apps = groups.filter((g) => (APPS as readonly string[]).includes(g));
  const helpers = perProcessTable(results, apps, (r) => apps.map((g) => fmt(r.cpu?.helperUsPerRequest[g] ?? 0)));
  // the database's thread kinds that used the most over the run (mongod names its threads too: conn, ftdc, ...)
  const totals = new Map<string, number>();
  for (const r of results) {
    for (const [kind, us] of Object.entries(r.cpu?.threadUsPerRequest.mongo ?? {})) {
      totals.set(kind, (totals.get(kind) ?? 0) + us);
    }
  }
  const kinds = [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([kind]) => kind);
  const threads = kinds.length
    ? [
        '',
        "Of mongo's CPU per request above, µs by kind of thread (the busiest kinds; a JVM's C1/C2 compilers still at",
        'work mean that the database double has not warmed up):',
        '',
        perProcessTable(results, kinds, (r) => kinds.map((k) => fmt(r.cpu?.threadUsPerRequest.mongo?.[k] ?? 0))),
      ]
    : [];
  return [
    'CPU time per completed request, in µs, by process (busy %: the whole machine; other %: CPU of processes not',
    'started by this bench, as a share of the machine; apps+redis: the five apps and Redis together):',
    '',
    cpu,
    '',
    "Context switches of each process group's main threads per completed request (the wake-ups a request took):",
    '',
    wakeUps,
    '',
    "Of the apps' CPU per request above, µs spent in helper threads (V8 compiling optimised code, GC helpers); high",
    'while a process still warms up (BENCH_WARMUP):',
    '',
    helpers,
    ...threads,
    ...perReadTable(results),
  ].join('\n');
}

function perReadTable(results: ScenarioResult[]): string[] {
  const services = [...new Set(results.flatMap((r) => Object.keys(r.requestsPerRead ?? {})))];
  if (!services.length) {
    return [];
  }
  return [
    '',
    "Requests per read of each service's stream (over its replicas; what one read brings is handled as a batch):",
    '',
    perProcessTable(results, services, (r) => services.map((a) => (r.requestsPerRead?.[a] ?? 0).toFixed(1))),
  ];
}

function perProcessTable(results: ScenarioResult[], columns: string[], cells: (r: ScenarioResult) => string[]): string {
  const head = ['scenario', ...columns];
  const rows = results.map((r) => [r.name, ...cells(r)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (row: string[]): string =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// A population: many users in many rooms

interface Member {
  _id: string;
  username: string;
  headers: Record<string, string>;
}

/**
 * `count` users with a login token each, written straight into the database: creating them through users.create
 * and logging each in would spend minutes hashing passwords, which is not what is measured.
 */
async function seedUsers(mongoUrl: string, count: number, stamp: number): Promise<Member[]> {
  const client = await MongoClient.connect(mongoUrl);
  try {
    const now = new Date();
    const members: Member[] = [];
    const docs = Array.from({ length: count }, (_, i) => {
      const _id = `bench${stamp}u${i}`;
      const username = `bench.${stamp}.${i}`;
      const token = randomBytes(24).toString('base64url');
      members.push({ _id, username, headers: { 'X-User-Id': _id, 'X-Auth-Token': token } });
      return {
        _id,
        username,
        name: `Bench ${i}`,
        type: 'user',
        active: true,
        roles: ['user'],
        status: 'online',
        createdAt: now,
        _updatedAt: now,
        emails: [{ address: `${username}@bench.test`, verified: true }],
        services: {
          resume: { loginTokens: [{ when: now, hashedToken: createHash('sha256').update(token).digest('base64') }] },
        },
      };
    });
    await client.db().collection<{ _id: string }>('users').insertMany(docs);
    return members;
  } finally {
    await client.close();
  }
}

/** Runs `task(i)` for i in [0, n), `concurrency` at a time. */
async function pool(n: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) {
        await task(next++);
      }
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  const startedAt = new Date();
  const loadAvgAtStart = loadavg().map((n) => Number(n.toFixed(2)));
  const workDir = mkdtempSync(join(tmpdir(), 'rc-bench-'));
  const logDir = join(workDir, 'logs');
  let succeeded = false;
  onCleanup('temp dir', () => {
    if ((succeeded || signalled) && !keepLogs) {
      rmSync(workDir, { recursive: true, force: true });
    } else {
      log(`logs kept in ${logDir}`);
    }
  });

  log(
    `duration ${settings.duration} s, warm-up ${settings.warmup} s, ${settings.connections} connections, ` +
      `replicas ${JSON.stringify(settings.replicas)}`,
  );

  const baseline = await startBaseline('baseline-server.js');
  onCleanup('baseline server', () => stopChild(baseline.child, 'SIGTERM', 5000));
  const nestBaseline = await startBaseline('nest-baseline-server.js');
  onCleanup('nest baseline server', () => stopChild(nestBaseline.child, 'SIGTERM', 5000));

  const redis = await startRedis({ port: await freePort(), dir: join(workDir, 'redis'), detached: true });
  onCleanup('redis', () => redis.stop(10000));
  log(`redis on ${redis.url}`);

  const mongo = await startMongo({ port: await freePort(), logFile: join(logDir, 'mongo.log'), detached: true });
  onCleanup('mongo', () => mongo.stop(10000));
  log(`${mongo.name} (memory) on ${mongo.url}`);

  log('starting the apps...');
  const appsStarted = Date.now();
  const apps: AppsHandle = await startApps({
    env: {
      OVERWRITE_SETTING_API_Enable_Rate_Limiter: 'false',
      LOG_LEVEL: 'warn',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASS: ADMIN.password,
      ADMIN_EMAIL: ADMIN.email,
      REDIS_URL: redis.url,
      MONGO_URL: `${mongo.url}/rc_bench`,
    },
    replicas: settings.replicas,
    logDir,
    detached: true,
    appEnv: Object.fromEntries(
      settings.profile.map((app) => [
        app,
        { RC_NODE_ARGS: `--cpu-prof --cpu-prof-dir=${join(workDir, 'profiles', app)}` },
      ]),
    ),
  });
  appsHandle = apps;
  onCleanup('apps', () => apps.stop('SIGTERM', 15000));
  const gw = apps.gatewayUrl;
  for (const app of APPS) {
    const pids = apps.procs.filter((p) => p.app === app).map((p) => p.pid);
    if (pids.length) {
      cpuGroups[app] = pids;
    }
  }
  if (redis.pid) {
    cpuGroups.redis = [redis.pid];
  }
  if (mongo.pid) {
    cpuGroups.mongo = [mongo.pid];
  }
  if (baseline.child.pid) {
    cpuGroups.baseline = [baseline.child.pid];
  }
  if (nestBaseline.child.pid) {
    cpuGroups['nest baseline'] = [nestBaseline.child.pid];
  }
  cpuGroups.autocannon = ['self'];
  log(`${apps.procs.length} app processes ready in ${((Date.now() - appsStarted) / 1000).toFixed(1)} s; gateway ${gw}`);

  // Setup: a plain user (so the admin's permission bypass does not skew anything), a channel, some history.
  const admin = await login(gw, ADMIN.username, ADMIN.password);
  const stamp = Date.now();
  const username = `bench.user.${stamp}`;
  const password = `bench-user-pass-${stamp}`;
  await call(
    gw,
    'POST',
    '/api/v1/users.create',
    { email: `${username}@bench.test`, name: `Bench User ${stamp}`, password, username },
    admin,
  );
  const user = await login(gw, username, password);
  const created = await call<{ channel?: { _id?: string } }>(
    gw,
    'POST',
    '/api/v1/channels.create',
    { name: `bench-${stamp}` },
    user,
  );
  const roomId = created.channel?._id;
  if (!roomId) {
    throw new Error('channels.create: no channel._id in the answer');
  }
  const seedStarted = Date.now();
  for (let i = 0; i < settings.seedMessages; i++) {
    await call(gw, 'POST', '/api/v1/chat.postMessage', { roomId, text: `seed message ${i}` }, user);
  }
  log(`seeded ${settings.seedMessages} messages in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

  // The spread scenarios: settings.users users in settings.rooms rooms (member i is in room i % rooms), each room
  // with settings.historyCount messages; request k is sent as member k % users, into that member's room.
  const wanted = (name: string) => !settings.scenarios.length || settings.scenarios.includes(name);
  const spreadScenarios = [
    'GET channels.history, spread',
    'GET chat.search',
    'POST chat.postMessage, spread',
    'POST chat.postMessage, 3 mentions',
  ];
  const popStarted = Date.now();
  const population = spreadScenarios.some(wanted)
    ? await seedUsers(`${mongo.url}/rc_bench`, settings.users, stamp)
    : [];
  const rooms: string[] = [];
  for (let r = 0; r < (population.length ? settings.rooms : 0); r++) {
    const members = population.filter((_, i) => i % settings.rooms === r).map((m) => m.username);
    const room = await call<{ channel?: { _id?: string } }>(
      gw,
      'POST',
      '/api/v1/channels.create',
      { name: `bench-${stamp}-room-${r}`, members },
      admin,
    );
    rooms.push(room.channel?._id ?? '');
  }
  await pool(rooms.length * settings.historyCount, 10, (i) => {
    const r = i % settings.rooms;
    const author = population[r];
    return call(
      gw,
      'POST',
      '/api/v1/chat.postMessage',
      { roomId: rooms[r], text: `seed message ${i}` },
      {
        userId: author._id,
        authToken: author.headers['X-Auth-Token'],
      },
    );
  });
  if (population.length) {
    log(
      `seeded ${settings.users} users in ${settings.rooms} rooms with ${settings.historyCount} messages each in ` +
        `${((Date.now() - popStarted) / 1000).toFixed(1)} s`,
    );
  }
  let turn = 0;
  const nextMember = () => {
    const i = turn++ % population.length;
    return { member: population[i], roomId: rooms[i % settings.rooms], index: i };
  };
  /** The room-mates of member i (for mentions): members i + rooms, i + 2·rooms, ... */
  const mates = (i: number, n: number) =>
    Array.from({ length: n }, (_, k) => population[(i + (k + 1) * settings.rooms) % population.length].username);

  const userHeaders = authHeaders(user);
  const gateways = apps.gatewayUrls;
  const ok = (json: unknown): string | undefined =>
    (json as { success?: unknown }).success === true ? undefined : 'no "success": true';
  const scenarios: Scenario[] = [
    {
      name: 'baseline',
      title: 'raw node:http server in its own process, {"success":true}',
      method: 'GET',
      urls: [`${baseline.url}/`],
      check: ok,
      maxWarmupS: BASELINE_MAX_WARMUP_S,
    },
    {
      name: 'nest baseline',
      title: 'a bare Nest app on express, one guard-free GET answering {"success":true}',
      method: 'GET',
      urls: [`${nestBaseline.url}/`],
      check: ok,
      maxWarmupS: BASELINE_MAX_WARMUP_S,
    },
    {
      name: 'GET /api/info',
      title: 'gateway + one users-rooms round trip, unauthenticated',
      method: 'GET',
      urls: gateways.map((g) => `${g}/api/info`),
      check: ok,
    },
    {
      name: 'GET users.info',
      title: 'authenticated read of a user: auth from the gateway cache, one users-rooms round trip',
      method: 'GET',
      urls: gateways.map((g) => `${g}/api/v1/users.info?userId=${user.userId}`),
      headers: userHeaders,
      check: (json) => ok(json) ?? ((json as { user?: { _id?: string } }).user?._id ? undefined : 'no user._id'),
    },
    {
      name: 'POST chat.postMessage',
      title: 'authenticated write: gateway → chat service → Mongo insert',
      method: 'POST',
      urls: gateways.map((g) => `${g}/api/v1/chat.postMessage`),
      headers: { ...userHeaders, 'Content-Type': 'application/json' },
      body: JSON.stringify({ roomId, text: 'bench message' }),
      check: (json) =>
        ok(json) ?? ((json as { message?: { _id?: string } }).message?._id ? undefined : 'no message._id'),
    },
    {
      name: 'GET channels.history',
      title: `authenticated read of ${settings.historyCount} messages`,
      method: 'GET',
      urls: gateways.map((g) => `${g}/api/v1/channels.history?roomId=${roomId}&count=${settings.historyCount}`),
      headers: userHeaders,
      check: (json) =>
        ok(json) ??
        ((json as { messages?: unknown[] }).messages?.length === settings.historyCount
          ? undefined
          : `expected ${settings.historyCount} messages`),
    },
    {
      name: 'POST chat.postMessage, spread',
      title: `authenticated writes by ${settings.users} users into ${settings.rooms} rooms, rotating per request`,
      method: 'POST',
      urls: gateways.map((g) => `${g}/api/v1/chat.postMessage`),
      rotate: (req) => {
        const { member, roomId } = nextMember();
        return {
          ...req,
          headers: { ...member.headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ roomId, text: 'bench message' }),
        };
      },
      check: (json) =>
        ok(json) ?? ((json as { message?: { _id?: string } }).message?._id ? undefined : 'no message._id'),
    },
    {
      name: 'POST chat.postMessage, 3 mentions',
      title: 'as the spread write, the text mentioning three room-mates (mentions resolved, their counters raised)',
      method: 'POST',
      urls: gateways.map((g) => `${g}/api/v1/chat.postMessage`),
      rotate: (req) => {
        const { member, roomId, index } = nextMember();
        const text = `hello ${mates(index, 3)
          .map((u) => `@${u}`)
          .join(' ')}`;
        return {
          ...req,
          headers: { ...member.headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ roomId, text }),
        };
      },
      check: (json) =>
        ok(json) ??
        ((json as { message?: { mentions?: unknown[] } }).message?.mentions?.length === 3
          ? undefined
          : 'no 3 mentions'),
    },
    {
      name: 'GET channels.history, spread',
      title: `authenticated reads of ${settings.historyCount} messages by ${settings.users} users in ${settings.rooms} rooms`,
      method: 'GET',
      urls: gateways.map((g) => `${g}/api/v1/channels.history`),
      rotate: (req) => {
        const { member, roomId } = nextMember();
        return {
          ...req,
          path: `/api/v1/channels.history?roomId=${roomId}&count=${settings.historyCount}`,
          headers: member.headers,
        };
      },
      check: (json) =>
        ok(json) ??
        ((json as { messages?: unknown[] }).messages?.length === settings.historyCount
          ? undefined
          : `expected ${settings.historyCount} messages`),
    },
    {
      name: 'GET chat.search',
      title: `a word searched in a room of ${settings.historyCount} messages, by ${settings.users} users in ${settings.rooms} rooms`,
      method: 'GET',
      urls: gateways.map((g) => `${g}/api/v1/chat.search`),
      rotate: (req) => {
        const { member, roomId } = nextMember();
        return {
          ...req,
          path: `/api/v1/chat.search?roomId=${roomId}&searchText=seed&count=10`,
          headers: member.headers,
        };
      },
      check: (json) => ok(json) ?? ((json as { messages?: unknown[] }).messages?.length ? undefined : 'no messages'),
    },
  ];
  // History runs before postMessage: the test Mongo server ignores non-unique indexes, so a read after the write
  // scenario (tens of thousands more messages) would measure the size of its collection scan, not our stack.
  const executionOrder = [
    'baseline',
    'nest baseline',
    'GET /api/info',
    'GET users.info',
    'GET channels.history',
    'GET channels.history, spread',
    'GET chat.search',
    'POST chat.postMessage',
    'POST chat.postMessage, spread',
    'POST chat.postMessage, 3 mentions',
  ].filter((name) => name.endsWith('baseline') || wanted(name));
  const byName = new Map<string, ScenarioResult>();
  for (const name of executionOrder) {
    const s = scenarios.find((x) => x.name === name);
    if (!s) {
      throw new Error(`no scenario ${name}`);
    }
    byName.set(name, await runScenario(s));
  }
  const results = scenarios.map((s) => byName.get(s.name)).filter((r): r is ScenarioResult => !!r);

  const base = results[0];
  for (const r of results.slice(1)) {
    r.ratioToBaseline = {
      requestsPerSec: ratio(r.requestsPerSec, base.requestsPerSec),
      latencyP50: ratio(r.latencyP50Ms, base.latencyP50Ms),
      latencyP99: ratio(r.latencyP99Ms, base.latencyP99Ms),
    };
  }

  // profiles are written when the profiled processes exit: stop the apps first, then read them
  const profiles: Record<string, ProfileSummary> = {};
  if (settings.profile.length) {
    await apps.stop('SIGTERM', 15000);
    for (const app of settings.profile) {
      // the measured seconds of the last scenario and the moment after (the start-up is left out)
      profiles[app] = summarize([join(workDir, 'profiles', app)], 25, (settings.duration + 2) * 1000);
    }
  }

  const failed = results.filter((r) => r.errors > 0 || r.non2xx > 0);
  const cpuList = cpus();
  const report = {
    date: startedAt.toISOString(),
    ok: failed.length === 0,
    revision: gitRevision(),
    machine: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model,
      memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      loadAvgAtStart,
      loadAvgAtEnd: loadavg().map((n) => Number(n.toFixed(2))),
      note: 'autocannon runs on the same machine as redis, mongo-java-server and every app process',
    },
    settings: {
      ...settings,
      appProcesses: apps.procs.map((p) => `${p.app}-${p.index}`),
      database: `${mongo.name} (in-memory)`,
      executionOrder,
    },
    scenarios: results,
    ...(settings.profile.length ? { profiles } : {}),
  };
  // BENCH_OUT: a path relative to bench/results, or absolute
  const outFile = resolve(repoRoot(), 'bench', 'results', process.env.BENCH_OUT ?? 'latest.json');
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, await formatJson(outFile, `${JSON.stringify(report, null, 2)}\n`));

  process.stdout.write(
    `\nrocketchat-nest bench, ${startedAt.toISOString()}, ${cpuList.length} CPUs, node ${process.version}, ` +
      `${settings.duration} s x ${settings.connections} connections per scenario\n\n${table(results)}\n\n` +
      `(x base: req/s divided by the baseline's; for latencies, how many times the baseline's)\n\n` +
      `${cpuTable(results) ?? '(no CPU accounting: /proc is not readable here)'}\n\nwritten to ${outFile}\n`,
  );
  for (const [app, summary] of Object.entries(profiles)) {
    process.stdout.write(
      `\n${formatSummary(`profile of ${app} (${settings.scenarios.join(', ') || 'every scenario'})`, summary)}\n`,
    );
  }

  if (failed.length > 0) {
    for (const r of failed) {
      log(
        `${r.name}: ${r.errors} errors (${r.timeouts} timeouts), ${r.non2xx} non-2xx; status codes ${JSON.stringify(r.statusCodes)}`,
      );
    }
    for (const p of apps.procs) {
      if (p.logFile) {
        log(`--- tail of ${p.logFile} ---\n${tailFile(p.logFile, 1500)}`);
      }
    }
    return 1;
  }
  succeeded = true;
  return 0;
}

void main()
  .then(
    (code) => code,
    (err: Error) => {
      if (signalled) {
        return 130;
      }
      log(`failed: ${err.stack ?? err.message}`);
      for (const p of appsHandle?.procs ?? []) {
        const { exitCode, signalCode } = p.child;
        if (exitCode === null && signalCode === null) {
          continue;
        }
        log(`${p.app}-${p.index} has exited (${signalCode ?? `code ${String(exitCode)}`}); tail of ${p.logFile}:`);
        process.stderr.write(`${tailFile(p.logFile, 3000)}\n`);
      }
      return 1;
    },
  )
  .then(async (code) => {
    await cleanup();
    process.exit(signalled ? 130 : code);
  });
