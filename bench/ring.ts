/**
 * Process ring: what extra processes cost on this machine, with none of our code. It is the control for the
 * one-against-two-replicas comparison of bench/run.ts.
 *
 * A driver keeps RING_IN_FLIGHT messages circulating through RING_STAGES stages over localhost TCP (one JSON
 * line each). Every stage does the same work per message: it builds RING_WORK small objects, serialises and
 * parses them, and reads RING_TOUCH random places of a RING_WS_MB working set of its own. A stage runs as one
 * process, or as two processes that take turns (the second replica). Each pair of runs (1 process per stage,
 * then 2) repeats RING_PAIRS times. For each run it prints messages/s and the stages' CPU µs per message.
 * Writes bench/results/ring-latest.json, or RING_OUT (a path under bench/results/, or an absolute path).
 *
 * Knobs: RING_STAGES (5), RING_IN_FLIGHT (50), RING_WORK (30: about 60–80 µs per step on the 2-core bench
 * machine, the size of one step of a post), RING_WS_MB (0), RING_TOUCH (2000), RING_SECONDS (8),
 * RING_WARMUP (4), RING_PAIRS (3).
 */
import { ChildProcess, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { repoRoot, sleep } from '../scripts/infra';
import { fmt, formatJson, gitRevision, intEnv } from './common';
import { processCpuSeconds } from './cpu';

interface Settings {
  stages: number;
  inFlight: number;
  work: number;
  workingSetMb: number;
  touch: number;
  seconds: number;
  warmup: number;
  pairs: number;
}

interface Message {
  id: number;
  acc?: number;
}

export interface RingRun {
  processesPerStage: number;
  messagesPerSec: number;
  /** CPU of all stage processes per message (µs) */
  stageUsPerMessage: number;
}

function settingsFromEnv(): Settings {
  return {
    stages: intEnv('RING_STAGES', 5, 1),
    inFlight: intEnv('RING_IN_FLIGHT', 50, 1),
    work: intEnv('RING_WORK', 30, 0),
    workingSetMb: intEnv('RING_WS_MB', 0, 0),
    touch: intEnv('RING_TOUCH', 2000, 0),
    seconds: intEnv('RING_SECONDS', 8, 1),
    warmup: intEnv('RING_WARMUP', 4, 0),
    pairs: intEnv('RING_PAIRS', 3, 1),
  };
}

/** Calls `onLine` for each newline-terminated line arriving on the socket. */
function readLines(socket: Socket, onLine: (line: string) => void): void {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let end = buffer.indexOf('\n');
    while (end >= 0) {
      onLine(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      end = buffer.indexOf('\n');
    }
  });
}

function connectTo(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.setNoDelay(true);
    socket.once('error', reject);
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** One stage process: handles each message, then hands it to the next stage's processes in turn. */
async function stage(settings: Settings, nextPorts: number[]): Promise<void> {
  const slots = settings.workingSetMb * 131072; // float64s
  const workingSet = new Float64Array(Math.max(1, slots));
  workingSet.forEach((_, i) => (workingSet[i] = i));
  const handle = (msg: Message): Message => {
    let acc = 0;
    if (slots > 0) {
      let x = msg.id % slots;
      for (let i = 0; i < settings.touch; i++) {
        x = (x * 1103515245 + 12345) % slots;
        acc += workingSet[x];
      }
    }
    const items = [];
    for (let i = 0; i < settings.work; i++) {
      items.push({ id: `${msg.id}:${i}`, n: i, text: 'x'.repeat(16), nested: { a: i, b: [i, i + 1] } });
    }
    acc += (JSON.parse(JSON.stringify(items)) as unknown[]).length;
    return { id: msg.id, acc: (msg.acc ?? 0) + acc };
  };
  const next = await Promise.all(nextPorts.map(connectTo));
  let turn = 0;
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    readLines(socket, (line) => next[turn++ % next.length].write(`${JSON.stringify(handle(JSON.parse(line)))}\n`));
  });
  process.send?.({ port: await listen(server) });
}

/** One run: starts the stages (last first, so each knows where to send), circulates, measures, stops. */
async function run(settings: Settings, processesPerStage: number): Promise<RingRun> {
  let counting = false;
  let done = 0;
  let send: (msg: Message) => void = () => undefined;
  const driver = createServer((socket) => {
    socket.setNoDelay(true);
    readLines(socket, (line) => {
      if (counting) {
        done++;
      }
      send({ id: (JSON.parse(line) as Message).id + 1 });
    });
  });
  let ports = [await listen(driver)];
  const children: ChildProcess[] = [];
  try {
    for (let s = 0; s < settings.stages; s++) {
      const stagePorts: number[] = [];
      for (let r = 0; r < processesPerStage; r++) {
        const child = fork(__filename, ['stage', ports.join(',')], { env: process.env });
        children.push(child);
        stagePorts.push(
          await new Promise<number>((resolve, reject) => {
            child.once('message', (m: { port: number }) => resolve(m.port));
            child.once('exit', (code) => reject(new Error(`a stage exited with ${String(code)}`)));
          }),
        );
      }
      ports = stagePorts;
    }
    const first = await Promise.all(ports.map(connectTo));
    let turn = 0;
    send = (msg) => first[turn++ % first.length].write(`${JSON.stringify(msg)}\n`);
    for (let i = 0; i < settings.inFlight; i++) {
      send({ id: i * 1_000_000 });
    }
    await sleep(settings.warmup * 1000);
    const cpu = () => children.reduce((sum, c) => sum + (processCpuSeconds(c.pid!) ?? 0), 0);
    const cpuBefore = cpu();
    const started = Date.now();
    counting = true;
    await sleep(settings.seconds * 1000);
    counting = false;
    const seconds = (Date.now() - started) / 1000;
    const stageSeconds = cpu() - cpuBefore;
    first.forEach((socket) => socket.destroy());
    return {
      processesPerStage,
      messagesPerSec: Math.round(done / seconds),
      stageUsPerMessage: done > 0 ? Math.round((stageSeconds / done) * 1e6) : 0,
    };
  } finally {
    children.forEach((c) => c.kill('SIGKILL'));
    driver.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  let settings: Settings;
  try {
    settings = settingsFromEnv();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const runs: RingRun[] = [];
  const changes: number[] = [];
  for (let pair = 1; pair <= settings.pairs; pair++) {
    const one = await run(settings, 1);
    const two = await run(settings, 2);
    runs.push(one, two);
    const change = Math.round((two.messagesPerSec / one.messagesPerSec - 1) * 100);
    changes.push(change);
    process.stdout.write(
      `pair ${pair}: ${fmt(one.messagesPerSec)} → ${fmt(two.messagesPerSec)} messages/s (${change > 0 ? '+' : ''}${change} %), ` +
        `stage CPU ${one.stageUsPerMessage} → ${two.stageUsPerMessage} µs per message\n`,
    );
  }
  const summary = {
    medianChangePct: median(changes),
    stageUsPerMessage: {
      one: median(runs.filter((r) => r.processesPerStage === 1).map((r) => r.stageUsPerMessage)),
      two: median(runs.filter((r) => r.processesPerStage === 2).map((r) => r.stageUsPerMessage)),
    },
  };
  process.stdout.write(
    `median: ${summary.medianChangePct} % messages/s with two processes per stage; stage CPU per message ` +
      `${summary.stageUsPerMessage.one} → ${summary.stageUsPerMessage.two} µs\n`,
  );
  const out = process.env.RING_OUT ?? 'ring-latest.json';
  const file = isAbsolute(out) ? out : join(repoRoot(), 'bench', 'results', out);
  mkdirSync(dirname(file), { recursive: true });
  const record = {
    date: new Date().toISOString(),
    revision: gitRevision(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, loadAvgAtStart: loadavg() },
    settings,
    runs,
    summary,
  };
  writeFileSync(file, await formatJson(file, JSON.stringify(record)));
  process.stdout.write(`written to ${file}\n`);
}

if (process.argv[2] === 'stage') {
  void stage(settingsFromEnv(), process.argv[3].split(',').map(Number)).catch((err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
} else {
  void main().catch((err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exit(1);
  });
}
