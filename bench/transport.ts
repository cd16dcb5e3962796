/**
 * Transport benchmark: the cost of one request/reply round trip over our Redis Streams transport
 * (`RedisStreamsServer` / `RedisStreamsClient`, libs/transport) against Nest's built-in `Transport.REDIS`, in one run.
 *
 * Starts its own redis-server; then, for each case (transport × replicas), forks the server process(es)
 * (`bench/transport-server.ts`), connects a client here, warms up, and sends N `bench.ping` requests with C in flight.
 * Measures wall time (round trips/s), per-call latency (p50/p99), and CPU per round trip of this client process
 * (process.cpuUsage), of the server process(es) (their own process.cpuUsage, asked through `bench.cpu.<replica>`
 * before and after) and of redis-server (INFO cpu). Each replica counts the pings it handled: with 2 replicas our
 * transport splits them (each ping handled once), Nest's built-in one hands every ping to every replica (each
 * replica handles all N: nest issues 3626 and 10483).
 * Prints a table and writes bench/results/transport-latest.json; exits 1 when a call failed or a ping was lost.
 *
 * Knobs: TRANSPORT_BENCH_N (measured calls, default 20000), TRANSPORT_BENCH_C (calls in flight, default 64),
 * TRANSPORT_BENCH_WARMUP (calls before measuring, default 2000).
 */
import { RedisStreamsClient } from '@app/transport';
import { Logger } from '@nestjs/common';
import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import Redis from 'ioredis';
import { ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, timeout } from 'rxjs';
import { freePort, Proc, repoRoot, sleep, startRedis, stopChild } from '../scripts/infra';
import { diff, snapshot } from './cpu';
import type { BenchCpuReply } from './transport-server';
import { fmt, formatJson, gitRevision, intEnv, round } from './common';

type Mode = 'streams' | 'builtin';

function log(message: string): void {
  process.stderr.write(`[transport-bench] ${message}\n`);
}

function loadSettings() {
  try {
    return {
      calls: intEnv('TRANSPORT_BENCH_N', 20000, 1),
      concurrency: intEnv('TRANSPORT_BENCH_C', 64, 1),
      warmupCalls: intEnv('TRANSPORT_BENCH_WARMUP', 2000, 0),
    };
  } catch (err) {
    log((err as Error).message);
    process.exit(2);
  }
}

const settings = loadSettings();

/** In the order they run. */
const CASES: { mode: Mode; replicas: number }[] = [
  { mode: 'streams', replicas: 1 },
  { mode: 'builtin', replicas: 1 },
  { mode: 'streams', replicas: 2 },
  { mode: 'builtin', replicas: 2 },
];

/** The compiled server entry next to this file (dist/bench or dist-<x>/bench). */
const SERVER_ENTRY = join(__dirname, 'transport-server.js');

// ---------------------------------------------------------------------------------------------------------------
// Cleanup: in reverse order of registration, once, also on Ctrl-C / SIGTERM; children left over at exit are killed.

const cleanups: { what: string; fn: () => Promise<unknown> | void }[] = [];
let cleaning: Promise<void> | undefined;
const children = new Set<ChildProcess>();

function onCleanup(what: string, fn: () => Promise<unknown> | void): () => void {
  const entry = { what, fn };
  cleanups.push(entry);
  return () => {
    const at = cleanups.indexOf(entry);
    if (at >= 0) {
      cleanups.splice(at, 1);
    }
  };
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

process.once('exit', () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
});

let signalled = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (signalled) {
      process.exit(130); // second Ctrl-C: the exit hooks SIGKILL the children
    }
    signalled = true;
    log(`${signal}: stopping everything...`);
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Servers and clients

interface ServerProc {
  replica: string;
  child: ChildProcess;
}

function forkServer(mode: Mode, redisUrl: string, replica: string): Promise<ServerProc> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} does not exist: build first`);
  }
  const child = fork(SERVER_ENTRY, [mode, redisUrl, replica], {
    cwd: repoRoot(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // own process group: a Ctrl-C on the terminal reaches only this process, which then stops the servers
    detached: true,
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server ${replica}: not ready after 30 s`)), 30000);
    child.once('message', (msg) => {
      clearTimeout(timer);
      if (msg === 'ready') {
        done({ replica, child });
      } else {
        fail(new Error(`server ${replica}: unexpected message ${JSON.stringify(msg)}`));
      }
    });
    child.once('exit', (code, sig) => {
      clearTimeout(timer);
      fail(new Error(`server ${replica} exited (${sig ?? `code ${String(code)}`}) before it was ready`));
    });
  });
}

function makeClient(mode: Mode, redisUrl: string): ClientProxy {
  if (mode === 'streams') {
    return new RedisStreamsClient({
      redisUrl,
      prefix: 'bench',
      // bench.cpu.<replica> goes to that replica's own control stream (see transport-server.ts)
      serviceOf: (pattern) => (pattern.startsWith('bench.cpu.') ? `bench-ctl-${pattern.slice(10)}` : 'bench'),
      timeoutMs: 5000,
      maxLen: 100000,
      name: 'bench-client',
    });
  }
  const url = new URL(redisUrl);
  return ClientProxyFactory.create({
    transport: Transport.REDIS,
    options: { host: url.hostname, port: Number(url.port || 6379) },
  });
}

/**
 * One ping as each transport's callers make it: ours through `request()`, the promise path the gateway's RpcClient
 * uses; the built-in client through `send()`, its only path (an Observable per call).
 */
function ping(client: ClientProxy, i: number): Promise<{ i: number }> {
  return client instanceof RedisStreamsClient
    ? (client.request('bench.ping', { i }, 5000) as Promise<{ i: number }>)
    : firstValueFrom(client.send<{ i: number }>('bench.ping', { i }));
}

function askCpu(client: ClientProxy, replica: string, timeoutMs = 5000): Promise<BenchCpuReply> {
  return firstValueFrom(client.send<BenchCpuReply>(`bench.cpu.${replica}`, {}).pipe(timeout(timeoutMs)));
}

async function askAll(client: ClientProxy, servers: ServerProc[]): Promise<BenchCpuReply[]> {
  const out: BenchCpuReply[] = [];
  for (const s of servers) {
    out.push(await askCpu(client, s.replica));
  }
  return out;
}

/**
 * Until each replica has answered `bench.cpu.<replica>` (the built-in server reports "listening" before its
 * SUBSCRIBE commands have reached Redis; its subscriptions go out in handler order, bench.ping first).
 */
async function waitAnswering(client: ClientProxy, servers: ServerProc[]): Promise<void> {
  const deadline = Date.now() + 20000;
  for (const s of servers) {
    for (;;) {
      try {
        await askCpu(client, s.replica, 500);
        break;
      } catch (err) {
        if (Date.now() > deadline) {
          throw new Error(`server ${s.replica} does not answer bench.cpu: ${(err as Error).message}`);
        }
      }
    }
  }
}

/** Waits until the replicas' ping counters stop moving (a replica may still work through a backlog). */
async function settle(client: ClientProxy, servers: ServerProc[]): Promise<BenchCpuReply[]> {
  let last = await askAll(client, servers);
  const deadline = Date.now() + 15000;
  for (;;) {
    await sleep(100);
    const now = await askAll(client, servers);
    if (now.every((r, i) => r.pings === last[i].pings) || Date.now() > deadline) {
      return now;
    }
    last = now;
  }
}

async function redisCpuSeconds(admin: Redis): Promise<number> {
  const info = await admin.info('cpu');
  const field = (name: string): number => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(info)?.[1] ?? NaN);
  return field('used_cpu_user') + field('used_cpu_sys');
}

// ---------------------------------------------------------------------------------------------------------------
// The load

interface LoadResult {
  wallMs: number;
  /** per call, ms */
  latencies: Float64Array;
  errors: number;
  mismatches: number;
  firstError?: string;
}

/**
 * `calls` pings with `concurrency` in flight; fails when nothing completes for 15 s, or as soon as `broken` (checked
 * every second) returns a reason.
 */
async function load(
  client: ClientProxy,
  calls: number,
  concurrency: number,
  broken: () => string | undefined,
): Promise<LoadResult> {
  const latencies = new Float64Array(calls);
  let next = 0;
  let completed = 0;
  let errors = 0;
  let mismatches = 0;
  let firstError: string | undefined;
  const worker = async (): Promise<void> => {
    while (next < calls && !signalled) {
      const i = next++;
      const t0 = process.hrtime.bigint();
      try {
        const reply = await ping(client, i);
        latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
        if (reply?.i !== i) {
          mismatches++;
        }
      } catch (err) {
        latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
        errors++;
        firstError ??= (err as Error)?.message ?? JSON.stringify(err);
      }
      completed++;
    }
  };
  let watchdog: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, fail) => {
    let seen = -1;
    let since = Date.now();
    watchdog = setInterval(() => {
      const reason = broken();
      if (reason) {
        fail(new Error(`${reason} (${completed}/${calls} calls done)`));
      } else if (completed !== seen) {
        seen = completed;
        since = Date.now();
      } else if (Date.now() - since > 15000) {
        fail(new Error(`no call completed for 15 s (${completed}/${calls} done): a request or reply was lost`));
      }
    }, 1000);
  });
  const started = process.hrtime.bigint();
  try {
    await Promise.race([Promise.all(Array.from({ length: Math.min(concurrency, calls) }, () => worker())), stalled]);
  } finally {
    clearInterval(watchdog);
  }
  if (signalled) {
    throw new Error('interrupted');
  }
  return { wallMs: Number(process.hrtime.bigint() - started) / 1e6, latencies, errors, mismatches, firstError };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface CaseResult {
  transport: Mode;
  replicas: number;
  calls: number;
  concurrency: number;
  wallMs: number;
  roundTripsPerSec: number;
  latencyMs: { p50: number; p99: number; avg: number; max: number };
  errors: number;
  mismatches: number;
  firstError?: string;
  /** CPU µs per measured round trip */
  cpuUsPerRoundTrip: { client: number; servers: number; redis: number; total: number; perServer: number[] };
  /** pings each replica handled during the measured calls (after the backlog settled) */
  handled: number[];
  /** handled pings / calls: 1 = each request handled once */
  handledRatio: number;
  /** /proc accounting of the whole machine during the measured calls (Linux only) */
  machine?: { busyPct: number; otherPct: number };
}

async function runCase(mode: Mode, replicas: number, redis: Proc, admin: Redis): Promise<CaseResult> {
  const label = `${mode} x${replicas}`;
  await admin.flushall();
  const servers: ServerProc[] = [];
  let client: ClientProxy | undefined;
  const forget = onCleanup(`${label} servers and client`, () =>
    Promise.allSettled([client?.close(), ...servers.map((s) => stopChild(s.child, 'SIGTERM', 5000))]),
  );
  try {
    for (let r = 0; r < replicas; r++) {
      servers.push(await forkServer(mode, redis.url, `bench-${r}`));
    }
    client = makeClient(mode, redis.url);
    await client.connect();
    await waitAnswering(client, servers);
    const exited = (c?: ChildProcess): boolean => !!c && (c.exitCode !== null || c.signalCode !== null);
    const broken = (): string | undefined => {
      const gone = servers.find((s) => exited(s.child));
      if (gone) {
        return `server ${gone.replica} exited (${gone.child.signalCode ?? `code ${String(gone.child.exitCode)}`})`;
      }
      return exited(redis.child) ? 'redis-server exited' : undefined;
    };

    if (settings.warmupCalls > 0) {
      log(`${label}: warm-up, ${settings.warmupCalls} calls`);
      const w = await load(client, settings.warmupCalls, settings.concurrency, broken);
      if (w.errors > 0) {
        throw new Error(`${label}: warm-up failed: ${w.firstError}`);
      }
    }
    const before = await settle(client, servers);
    const cpuGroups: Record<string, (number | 'self')[]> = {
      client: ['self'],
      servers: servers.map((s) => s.child.pid ?? 0),
      redis: redis.pid ? [redis.pid] : [],
    };
    const redisBefore = await redisCpuSeconds(admin);
    const procBefore = snapshot(cpuGroups);
    const procSince = process.hrtime.bigint();
    const clientBefore = process.cpuUsage();

    log(`${label}: ${settings.calls} calls, ${settings.concurrency} in flight`);
    const r = await load(client, settings.calls, settings.concurrency, broken);

    // The built-in transport's second replica may still be working through its copy of the requests (and the
    // client still receiving the late duplicate replies): both are costs of the case, so wait for them.
    const after = await settle(client, servers);
    const clientCpu = process.cpuUsage(clientBefore);
    const procUsage = diff(procBefore, snapshot(cpuGroups));
    const procSeconds = Number(process.hrtime.bigint() - procSince) / 1e9;
    const redisAfter = await redisCpuSeconds(admin);

    const n = settings.calls;
    const perServer = after.map((a, i) => (a.user + a.system - before[i].user - before[i].system) / n);
    const serversUs = perServer.reduce((s, x) => s + x, 0);
    const clientUs = (clientCpu.user + clientCpu.system) / n;
    const redisUs = ((redisAfter - redisBefore) * 1e6) / n;
    const handled = after.map((a, i) => a.pings - before[i].pings);
    const sorted = Float64Array.from(r.latencies).sort();
    const capacityS = cpus().length * procSeconds;
    const result: CaseResult = {
      transport: mode,
      replicas,
      calls: n,
      concurrency: settings.concurrency,
      wallMs: round(r.wallMs, 1),
      roundTripsPerSec: round((n * 1000) / r.wallMs, 0),
      latencyMs: {
        p50: round(percentile(sorted, 50), 3),
        p99: round(percentile(sorted, 99), 3),
        avg: round(sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length), 3),
        max: round(sorted[sorted.length - 1] ?? 0, 3),
      },
      errors: r.errors,
      mismatches: r.mismatches,
      firstError: r.firstError,
      cpuUsPerRoundTrip: {
        client: round(clientUs, 1),
        servers: round(serversUs, 1),
        redis: round(redisUs, 1),
        total: round(clientUs + serversUs + redisUs, 1),
        perServer: perServer.map((x) => round(x, 1)),
      },
      handled,
      handledRatio: round(handled.reduce((s, x) => s + x, 0) / n, 3),
      machine:
        procUsage.machineBusyPct === undefined
          ? undefined
          : {
              busyPct: round(procUsage.machineBusyPct, 1),
              otherPct: round((100 * (procUsage.otherSeconds ?? 0)) / capacityS, 1),
            },
    };
    log(
      `${label}: ${result.roundTripsPerSec} round trips/s, p50 ${result.latencyMs.p50} ms, ` +
        `${result.cpuUsPerRoundTrip.total} µs CPU per round trip, handled ${handled.join(' + ')}`,
    );
    return result;
  } finally {
    await Promise.allSettled([client?.close(), ...servers.map((s) => stopChild(s.child, 'SIGTERM', 5000))]);
    forget();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Output

function table(results: CaseResult[]): string {
  const head = [
    'transport',
    'replicas',
    'round trips/s',
    'p50 ms',
    'p99 ms',
    'client µs',
    'server(s) µs',
    'redis µs',
    'total µs',
    'handled per replica',
    'other %',
  ];
  const rows = results.map((r) => [
    r.transport,
    String(r.replicas),
    fmt(r.roundTripsPerSec),
    fmt(r.latencyMs.p50, 2),
    fmt(r.latencyMs.p99, 2),
    fmt(r.cpuUsPerRoundTrip.client),
    r.replicas > 1
      ? `${r.cpuUsPerRoundTrip.perServer.map((x) => fmt(x)).join(' + ')} = ${fmt(r.cpuUsPerRoundTrip.servers)}`
      : fmt(r.cpuUsPerRoundTrip.servers),
    fmt(r.cpuUsPerRoundTrip.redis),
    fmt(r.cpuUsPerRoundTrip.total),
    r.handled.map((h) => fmt(h)).join(' / ') + (r.handledRatio === 1 ? '' : ` (${r.handledRatio}x)`),
    r.machine ? fmt(r.machine.otherPct) : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function procLoadavg(): string | undefined {
  try {
    return readFileSync('/proc/loadavg', 'utf8').trim();
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  // The built-in client logs each reply it has no caller for (the duplicates of 2 replicas) at debug level.
  Logger.overrideLogger(['error', 'warn']);
  const startedAt = new Date();
  const loadAvgAtStart = procLoadavg();
  log(
    `${settings.calls} calls, ${settings.concurrency} in flight, ${settings.warmupCalls} warm-up calls per case; ` +
      `load average ${loadAvgAtStart ?? loadavg().join(' ')}`,
  );

  const workDir = mkdtempSync(join(tmpdir(), 'rc-transport-bench-'));
  onCleanup('temp dir', () => rmSync(workDir, { recursive: true, force: true }));
  const redis = await startRedis({ port: await freePort(), dir: join(workDir, 'redis'), detached: true });
  onCleanup('redis', () => redis.stop(10000));
  log(`redis on ${redis.url}`);
  const admin = new Redis(redis.url, { maxRetriesPerRequest: null, connectionName: 'bench-admin' });
  admin.on('error', () => undefined);
  onCleanup('redis admin connection', () => admin.quit());

  const results: CaseResult[] = [];
  for (const c of CASES) {
    results.push(await runCase(c.mode, c.replicas, redis, admin));
  }

  const problems: string[] = [];
  for (const r of results) {
    const label = `${r.transport} x${r.replicas}`;
    if (r.errors > 0 || r.mismatches > 0) {
      problems.push(`${label}: ${r.errors} failed calls (${r.firstError ?? ''}), ${r.mismatches} wrong replies`);
    }
    if (r.transport === 'streams' && r.handledRatio !== 1) {
      problems.push(`${label}: ${r.handled.join(' + ')} pings handled for ${r.calls} calls (expected exactly once)`);
    }
  }

  const cpuList = cpus();
  const report = {
    date: startedAt.toISOString(),
    ok: problems.length === 0,
    problems,
    revision: gitRevision(),
    machine: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model,
      memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      loadAvgAtStart,
      loadAvgAtEnd: procLoadavg(),
      note: 'client, server(s) and redis-server share the machine; other % is CPU of processes not started by this bench',
    },
    settings: { ...settings, payload: '{"i": <n>}', order: CASES.map((c) => `${c.mode} x${c.replicas}`) },
    results,
  };
  const outDir = join(repoRoot(), 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const outFile = join(outDir, 'transport-latest.json');
  writeFileSync(outFile, await formatJson(outFile, `${JSON.stringify(report, null, 2)}\n`));

  process.stdout.write(
    `\ntransport round trip, ${startedAt.toISOString()}, ${cpuList.length} CPUs, node ${process.version}, ` +
      `${settings.calls} calls, ${settings.concurrency} in flight\n\n${table(results)}\n\n` +
      `(CPU columns: µs of CPU per measured round trip; other %: CPU used meanwhile by processes not started by ` +
      `this bench, as a share of the machine)\n` +
      `load average at start ${loadAvgAtStart ?? '?'}, at end ${report.machine.loadAvgAtEnd ?? '?'}\n\n` +
      `written to ${outFile}\n`,
  );
  for (const p of problems) {
    log(p);
  }
  return problems.length === 0 ? 0 : 1;
}

void main()
  .then(
    (code) => code,
    (err: Error) => {
      if (signalled) {
        return 130;
      }
      log(`failed: ${err.stack ?? err.message}`);
      return 1;
    },
  )
  .then(async (code) => {
    await cleanup();
    process.exit(signalled ? 130 : code);
  });
