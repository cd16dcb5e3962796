import { arch, cpus, hostname, platform, release, totalmem, type as osType } from 'node:os';
import Redis from 'ioredis';
import { requestStream } from './keys';

/** One process of an app, as it registers itself at start. */
export interface InstanceRecord {
  /** `gateway`, `users-rooms`, `chat`, ... */
  app: string;
  /** its consumer name in the stream groups (RPC_CONSUMER_NAME) */
  consumer: string;
  pid: number;
  host: string;
  startedAt: string;
  nodeVersion: string;
  os: { type: string; platform: string; arch: string; release: string; totalmem: number; cpus: number };
  /** its reply channel: subscribed exactly while the process runs */
  replyChannel: string;
}

/** A running process: its record, and for services what the consumer group says of it. */
export interface RunningInstance extends InstanceRecord {
  /** ms since the replica was last handed a request (services; a quiet replica's grows) */
  idleMs?: number;
  /** requests it holds unacknowledged (services) */
  pending?: number;
}

export const instancesKey = (prefix: string) => `${prefix}:instances`;

/** A record that has not been seen running for this long is removed (its process is gone). */
const FORGET_AFTER_MS = 10 * 60_000;

export function instanceRecord(app: string, consumer: string, replyChannel: string): InstanceRecord {
  return {
    app,
    consumer,
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    nodeVersion: process.version,
    os: {
      type: osType(),
      platform: platform(),
      arch: arch(),
      release: release(),
      totalmem: totalmem(),
      cpus: cpus().length,
    },
    replyChannel,
  };
}

/** Adds the process to the registry (a hash field per `<app>:<consumer>`). */
export async function registerInstance(redis: Redis, prefix: string, record: InstanceRecord): Promise<void> {
  await redis.hset(instancesKey(prefix), `${record.app}:${record.consumer}`, JSON.stringify(record));
}

export async function unregisterInstance(redis: Redis, prefix: string, app: string, consumer: string): Promise<void> {
  await redis.hdel(instancesKey(prefix), `${app}:${consumer}`);
}

/** Whether the registered process `<app>:<consumer>` still runs (its reply channel has its subscriber). */
export async function instanceRuns(redis: Redis, prefix: string, app: string, consumer: string): Promise<boolean> {
  const raw = await redis.hget(instancesKey(prefix), `${app}:${consumer}`);
  if (!raw) {
    return false;
  }
  let record: InstanceRecord;
  try {
    record = JSON.parse(raw) as InstanceRecord;
  } catch {
    return false;
  }
  const counts = (await redis.pubsub('NUMSUB', record.replyChannel)) as (string | number)[];
  return Number(counts[1] ?? 0) > 0;
}

/** `XINFO CONSUMERS` of a service's stream group: consumer name → pending and idle. */
async function consumersOf(
  redis: Redis,
  prefix: string,
  service: string,
): Promise<Map<string, { pending: number; idle: number }>> {
  const out = new Map<string, { pending: number; idle: number }>();
  let rows: unknown[][];
  try {
    rows = (await redis.xinfo('CONSUMERS', requestStream(prefix, service), service)) as unknown[][];
  } catch {
    return out; // no stream or group yet: nobody consumes
  }
  for (const row of rows) {
    const c: Record<string, unknown> = {};
    for (let i = 0; i + 1 < row.length; i += 2) {
      c[String(row[i])] = row[i + 1];
    }
    out.set(String(c.name), { pending: Number(c.pending), idle: Number(c.idle) });
  }
  return out;
}

/**
 * The processes running now. A service replica is one of its stream group's consumers (the transport's consumer
 * registry, `XINFO CONSUMERS`: a replica joins it at start and leaves it when it stops); every process, gateways
 * included, runs while its reply channel has its subscriber (`PUBSUB NUMSUB`), which ends with its connection
 * even when the process is killed. Records of processes long gone are dropped from the registry.
 */
export async function runningInstances(
  redis: Redis,
  prefix: string,
  services: readonly string[],
): Promise<RunningInstance[]> {
  const raw = await redis.hgetall(instancesKey(prefix));
  const records: InstanceRecord[] = [];
  for (const value of Object.values(raw)) {
    try {
      records.push(JSON.parse(value) as InstanceRecord);
    } catch {
      // a malformed record: ignore it
    }
  }
  const consumers = new Map(
    await Promise.all(services.map(async (s) => [s, await consumersOf(redis, prefix, s)] as const)),
  );
  const channels = records.map((r) => r.replyChannel);
  const subscribed = new Map<string, number>();
  if (channels.length) {
    const counts = (await redis.pubsub('NUMSUB', ...channels)) as (string | number)[];
    for (let i = 0; i + 1 < counts.length; i += 2) {
      subscribed.set(String(counts[i]), Number(counts[i + 1]));
    }
  }
  const running: RunningInstance[] = [];
  const gone: string[] = [];
  for (const r of records) {
    const group = consumers.get(r.app);
    const consumer = group?.get(r.consumer);
    const alive = (subscribed.get(r.replyChannel) ?? 0) > 0 && (!group || !!consumer);
    if (alive) {
      running.push({ ...r, ...(consumer ? { idleMs: consumer.idle, pending: consumer.pending } : {}) });
    } else if (Date.now() - Date.parse(r.startedAt) > FORGET_AFTER_MS) {
      gone.push(`${r.app}:${r.consumer}`);
    }
  }
  if (gone.length) {
    await redis.hdel(instancesKey(prefix), ...gone);
  }
  return running.sort((a, b) => a.app.localeCompare(b.app) || a.consumer.localeCompare(b.consumer));
}
