/**
 * Local infrastructure for the embedded `npm start` and the e2e tests: a `redis-server`, a MongoDB-wire server
 * (a real `mongod` when one is on the PATH, else mongo-java-server through `.ci/mongo/MongoWireServer.java`) and
 * the five apps as separate node processes. No Nest here: plain child processes, files and sockets.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

export const APPS = ['users-rooms', 'chat', 'livechat', 'integrations', 'gateway'] as const;
export type App = (typeof APPS)[number];
/** The apps behind the gateway, in start order. */
export const SERVICES: readonly Exclude<App, 'gateway'>[] = ['users-rooms', 'chat', 'livechat', 'integrations'];

export type Env = Record<string, string | undefined>;

/** A started infrastructure process (or a reused one, whose `stop()` does nothing). */
export interface Proc {
  name: string;
  port: number;
  /** `redis://127.0.0.1:P` or `mongodb://127.0.0.1:P` (no database). */
  url: string;
  /** Absent when an already running server was reused. */
  pid?: number;
  child?: ChildProcess;
  logFile?: string;
  /** SIGTERM, wait for the exit, SIGKILL after `timeoutMs`. Idempotent. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface AppProc {
  app: App;
  index: number;
  pid: number;
  /** Services: the port of `GET /health/ready`. */
  healthPort?: number;
  /** Gateway: its HTTP port (health is `GET /health/ready` on it too). */
  port?: number;
  logFile?: string;
  child: ChildProcess;
}

export interface AppsHandle {
  /** URL of the first gateway, e.g. `http://127.0.0.1:3000`. */
  gatewayUrl: string;
  gatewayUrls: string[];
  procs: AppProc[];
  /** The environment given to every app (without the per-process `PORT` / `HEALTH_PORT`). */
  env: Env;
  logDir?: string;
  /** Gateways first, then services: send `signal`, wait for the exits, SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<void>;
  /** Send a signal to one process; resolves when it has exited (immediately for signals that do not end it). */
  kill(app: App, index: number, signal?: NodeJS.Signals): Promise<void>;
  /** Stop the process if it still runs, start it again on the same ports, wait until it is ready. */
  restart(app: App, index: number): Promise<AppProc>;
  /** Start one more replica of `app` (next index, fresh ports) and wait until it is ready. */
  add(app: App): Promise<AppProc>;
}

export interface StartAppsOptions {
  /** Added to the environment of every app (on top of `process.env` unless `inheritEnv` is false). */
  env: Env;
  inheritEnv?: boolean;
  /** Replicas per app, default 1 each. */
  replicas?: Partial<Record<App, number>>;
  /** `<logDir>/<app>-<n>.log` (appended); stdio is inherited when absent. */
  logDir?: string;
  /** Gateway n listens on `gatewayPort + n`; every gateway gets a free port when absent. */
  gatewayPort?: number;
  /** Readiness timeout per phase (services, then gateways). Default 60 s. */
  readyTimeoutMs?: number;
  /** Own process group, so a Ctrl-C on the terminal reaches only the parent (which then stops them in order). */
  detached?: boolean;
  /** Extra variables for the processes of one app (e.g. `NODE_OPTIONS=--cpu-prof` for the gateway only). */
  appEnv?: Partial<Record<App, Env>>;
}

const READY_PATH = '/health/ready';
const LOCALHOST = '127.0.0.1';

// ---------------------------------------------------------------------------------------------------------------
// Paths and small helpers

let cachedRoot: string | undefined;

function isRepoRoot(dir: string): boolean {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) {
    return false;
  }
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'rocketchat-nest';
  } catch {
    return false;
  }
}

function walkUp(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (isRepoRoot(dir)) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}

/** The repository root: the folder whose package.json is named `rocketchat-nest` (from `scripts/` or `dist/scripts/`). */
export function repoRoot(): string {
  cachedRoot ??= walkUp(__dirname) ?? walkUp(process.cwd()) ?? resolve(__dirname, '..', '..');
  return cachedRoot;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function log(message: string): void {
  process.stderr.write(`[infra] ${message}\n`);
}

/** Last `bytes` of a file, for error messages. */
export function tailFile(file: string | undefined, bytes = 4000): string {
  if (!file || !existsSync(file)) {
    return '(no log)';
  }
  const text = readFileSync(file, 'utf8');
  return text.length > bytes ? `...${text.slice(-bytes)}` : text;
}

/** The full path of `command` on the PATH, if there is one. */
export function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) {
      continue;
    }
    const candidate = join(dir, command);
    try {
      if (statSync(candidate).isFile()) {
        return candidate;
      }
    } catch {
      // not here
    }
  }
  return undefined;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function exitText(child: ChildProcess): string {
  return child.signalCode ? `signal ${child.signalCode}` : `code ${String(child.exitCode)}`;
}

/** Resolves when the child has exited (at once when it already has). */
export function waitExit(child: ChildProcess): Promise<void> {
  if (hasExited(child)) {
    return Promise.resolve();
  }
  return new Promise((done) => child.once('exit', () => done()));
}

/** Send `signal`, wait for the exit, SIGKILL after `timeoutMs`. */
export async function stopChild(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  timeoutMs = 15000,
): Promise<void> {
  if (hasExited(child)) {
    return;
  }
  const exited = waitExit(child);
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((done) => {
    timer = setTimeout(() => done(true), timeoutMs);
  });
  const late = await Promise.race([exited.then(() => false), timedOut]);
  clearTimeout(timer);
  if (late && !hasExited(child)) {
    log(`pid ${String(child.pid)} did not exit ${timeoutMs} ms after ${signal}: SIGKILL`);
    child.kill('SIGKILL');
    await exited;
  }
}

/** Children still running when this process exits are killed (a last resort: the normal path is `stop()`). */
const living = new Set<ChildProcess>();
let exitHookInstalled = false;

function track(child: ChildProcess): void {
  living.add(child);
  child.once('exit', () => living.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of living) {
        if (!hasExited(c)) {
          c.kill('SIGKILL');
        }
      }
    });
  }
}

interface SpawnOptions {
  env?: Env;
  logFile?: string;
  detached?: boolean;
  cwd?: string;
}

function spawnLogged(command: string, args: string[], options: SpawnOptions): ChildProcess {
  let fd: number | undefined;
  if (options.logFile) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    fd = openSync(options.logFile, 'a');
  }
  try {
    const child = spawn(command, args, {
      cwd: options.cwd ?? repoRoot(),
      env: options.env ?? process.env,
      stdio: fd === undefined ? ['ignore', 'inherit', 'inherit'] : ['ignore', fd, fd],
      detached: options.detached ?? false,
    });
    // A failed spawn (ENOENT) is reported as 'error' and then 'exit'; keep it from crashing the parent.
    child.on('error', (err) => log(`${command}: ${err.message}`));
    track(child);
    return child;
  } finally {
    if (fd !== undefined) {
      closeSync(fd);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sockets

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.once('error', fail);
    server.listen(0, LOCALHOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? done(port) : fail(new Error('no port'))));
    });
  });
}

/** True when something accepts a TCP connection on host:port. */
export function portOpen(port: number, host = LOCALHOST, timeoutMs = 1000): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port, host });
    const finish = (open: boolean): void => {
      socket.destroy();
      done(open);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** Sends an inline `PING` and resolves true on `+PONG` (raw RESP, so no client library keeps handles open). */
export function redisPing(port: number, host = LOCALHOST, timeoutMs = 1000): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port, host });
    let received = '';
    const finish = (ok: boolean): void => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      if (received.includes('\r\n')) {
        finish(received.startsWith('+PONG'));
      }
    });
    socket.once('error', () => finish(false));
    socket.once('end', () => finish(false));
  });
}

/** `GET url` → status code, or 0 when nothing answers. */
export function httpStatus(url: string, timeoutMs = 2000): Promise<number> {
  return new Promise((done) => {
    const req = httpRequest(url, { method: 'GET', timeout: timeoutMs, agent: false }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => done(0));
    req.end();
  });
}

/**
 * Polls `check` every 250 ms until it is true. Fails after `timeoutMs`, or as soon as `child` exits.
 * `what` names the thing in the error message.
 */
async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  child?: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && hasExited(child)) {
      throw new Error(`${what}: the process exited (${exitText(child)}) before it was ready`);
    }
    if (await check()) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not ready after ${timeoutMs} ms`);
    }
    await sleep(250);
  }
}

function procOf(
  name: string,
  port: number,
  url: string,
  child: ChildProcess,
  logFile: string,
  cleanup?: () => void,
): Proc {
  let stopping: Promise<void> | undefined;
  return {
    name,
    port,
    url,
    pid: child.pid,
    child,
    logFile,
    stop(timeoutMs = 15000) {
      stopping ??= stopChild(child, 'SIGTERM', timeoutMs).then(() => cleanup?.());
      return stopping;
    },
  };
}

/** Readiness is probed on the port, so a server already there would pass for ours. */
async function assertPortFree(port: number, what: string): Promise<void> {
  if (await portOpen(port)) {
    throw new Error(`${what}: port ${port} on ${LOCALHOST} is already in use`);
  }
}

/** A server that was already running: never stopped by us. */
export function reusedProc(name: string, port: number, url: string): Proc {
  return { name, port, url, stop: () => Promise.resolve() };
}

// ---------------------------------------------------------------------------------------------------------------
// Redis

export interface StartRedisOptions {
  port: number;
  /** Redis working directory (append-only file lives here when `appendonly`). Created when missing. */
  dir: string;
  /** Keep data across restarts (embedded default). Default false (tests). */
  appendonly?: boolean;
  /** Default `<dir>/redis.log`. */
  logFile?: string;
  detached?: boolean;
  timeoutMs?: number;
}

export async function startRedis(options: StartRedisOptions): Promise<Proc> {
  const { port, dir } = options;
  if (!which('redis-server')) {
    throw new Error('redis-server is not on the PATH (Debian/Ubuntu: apt-get install -y redis-server)');
  }
  await assertPortFree(port, 'redis');
  mkdirSync(dir, { recursive: true });
  const logFile = options.logFile ?? join(dir, 'redis.log');
  const args = [
    '--bind',
    LOCALHOST,
    '--port',
    String(port),
    '--save',
    '',
    '--appendonly',
    options.appendonly ? 'yes' : 'no',
    '--dir',
    dir,
    '--daemonize',
    'no',
  ];
  const child = spawnLogged('redis-server', args, { logFile, detached: options.detached });
  const proc = procOf('redis', port, `redis://${LOCALHOST}:${port}`, child, logFile);
  try {
    await waitUntil(`redis on port ${port}`, () => redisPing(port), options.timeoutMs ?? 30000, child);
  } catch (err) {
    await proc.stop(2000);
    throw new Error(`${(err as Error).message}\n--- ${logFile} ---\n${tailFile(logFile)}`);
  }
  return proc;
}

// ---------------------------------------------------------------------------------------------------------------
// MongoDB

export interface StartMongoOptions {
  port: number;
  /** Persistent data: H2 file `<dataDir>/mongo.mv` (mongo-java-server) or `--dbpath <dataDir>` (mongod). Memory when absent. */
  dataDir?: string;
  /** Default: `<dataDir>/mongo.log`, or a file in a temp dir. */
  logFile?: string;
  detached?: boolean;
  /** Default 90 s. */
  timeoutMs?: number;
  /** Ignore a `mongod` on the PATH and use mongo-java-server. */
  forceJava?: boolean;
}

function classpathUsable(file: string): boolean {
  if (!existsSync(file)) {
    return false;
  }
  const entries = readFileSync(file, 'utf8').trim().split(delimiter).filter(Boolean);
  return entries.length > 0 && entries.every((jar) => existsSync(jar));
}

/**
 * The runtime classpath of `.ci/mongo/pom.xml`, resolved by Maven once and cached in `<root>/.data/mongo.cp`
 * (or `MONGO_CP_FILE`); reused while every jar it names still exists.
 */
export function mongoClasspath(): string {
  const root = repoRoot();
  const cacheFile = process.env.MONGO_CP_FILE ?? join(root, '.data', 'mongo.cp');
  if (!classpathUsable(cacheFile)) {
    if (!which('mvn')) {
      throw new Error('mvn is not on the PATH: needed once to resolve mongo-java-server (or install mongod)');
    }
    mkdirSync(dirname(cacheFile), { recursive: true });
    const tmpFile = `${cacheFile}.${process.pid}.tmp`;
    log('resolving the mongo-java-server classpath with Maven (once)...');
    const result = spawnSync(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        join(root, '.ci', 'mongo', 'pom.xml'),
        'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath',
        `-Dmdep.outputFile=${tmpFile}`,
        '-DincludeScope=runtime',
      ],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600000 },
    );
    if (result.status !== 0 || !classpathUsable(tmpFile)) {
      rmSync(tmpFile, { force: true });
      throw new Error(
        `mvn build-classpath failed (${result.error?.message ?? `status ${String(result.status)}`}):\n${result.stdout}${result.stderr}`,
      );
    }
    renameSync(tmpFile, cacheFile);
  }
  return readFileSync(cacheFile, 'utf8').trim();
}

export async function startMongo(options: StartMongoOptions): Promise<Proc> {
  const { port, dataDir } = options;
  const root = repoRoot();
  await assertPortFree(port, 'mongo');
  let tempDir: string | undefined;
  const scratch = (): string => (tempDir ??= mkdtempSync(join(tmpdir(), 'rc-mongo-')));
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
  }
  const logFile = options.logFile ?? join(dataDir ?? scratch(), 'mongo.log');
  mkdirSync(dirname(logFile), { recursive: true });

  let command: string;
  let args: string[];
  const mongod = options.forceJava ? undefined : which('mongod');
  if (mongod) {
    command = mongod;
    args = ['--dbpath', dataDir ?? scratch(), '--bind_ip', LOCALHOST, '--port', String(port)];
  } else {
    if (!which('java')) {
      throw new Error('neither mongod nor java is on the PATH (mongo-java-server needs Java 17)');
    }
    command = 'java';
    args = [
      '-Xmx1g',
      '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
      '-cp',
      mongoClasspath(),
      join(root, '.ci', 'mongo', 'MongoWireServer.java'),
      '--host',
      LOCALHOST,
      '--port',
      String(port),
      '--wire',
      '9',
    ];
    if (dataDir) {
      args.push('--h2', join(dataDir, 'mongo.mv'));
    }
  }

  const child = spawnLogged(command, args, { logFile, detached: options.detached });
  const cleanup = (): void => {
    // A temp dir holds only a throw-away log or dbpath.
    if (tempDir) {
      rmSync(tempDir, { recursive: true, force: true });
    }
  };
  const proc = procOf(
    mongod ? 'mongod' : 'mongo-java-server',
    port,
    `mongodb://${LOCALHOST}:${port}`,
    child,
    logFile,
    cleanup,
  );
  try {
    await waitUntil(`mongo on port ${port}`, () => portOpen(port), options.timeoutMs ?? 90000, child);
  } catch (err) {
    const tail = tailFile(logFile);
    await proc.stop(2000);
    throw new Error(`${(err as Error).message}\n--- ${logFile} ---\n${tail}`);
  }
  return proc;
}

// ---------------------------------------------------------------------------------------------------------------
// Apps

export interface AppSpawnSpec {
  app: App;
  index: number;
  /** Complete environment of the process (PORT / HEALTH_PORT included). */
  env: Env;
  healthPort?: number;
  port?: number;
  logFile?: string;
  detached?: boolean;
}

export function appEntry(app: App): string {
  // RC_DIST_DIR: another build folder inside the repo (e.g. `dist-mine`), so parallel builds do not collide
  return join(repoRoot(), process.env.RC_DIST_DIR ?? 'dist', 'apps', app, 'src', 'main.js');
}

export function readyUrl(spec: { app: App; port?: number; healthPort?: number }): string {
  const port = spec.app === 'gateway' ? spec.port : spec.healthPort;
  return `http://${LOCALHOST}:${String(port)}${READY_PATH}`;
}

/** Spawns `node dist/apps/<app>/src/main.js` (does not wait). */
export function spawnApp(spec: AppSpawnSpec): AppProc {
  const entry = appEntry(spec.app);
  if (!existsSync(entry)) {
    throw new Error(`${entry} does not exist: run \`npm run build\` first`);
  }
  if (spec.logFile) {
    mkdirSync(dirname(spec.logFile), { recursive: true });
    const banner = `\n===== ${spec.app}-${spec.index} starting at ${new Date().toISOString()} =====\n`;
    appendFileSync(spec.logFile, banner);
  }
  // RC_NODE_ARGS: node options that NODE_OPTIONS refuses (`--cpu-prof --cpu-prof-dir=...` for the bench)
  const nodeArgs = (spec.env.RC_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawnLogged(process.execPath, [...nodeArgs, entry], {
    env: spec.env,
    logFile: spec.logFile,
    detached: spec.detached,
  });
  if (child.pid === undefined) {
    throw new Error(`could not start ${spec.app}-${spec.index}`);
  }
  return {
    app: spec.app,
    index: spec.index,
    pid: child.pid,
    healthPort: spec.healthPort,
    port: spec.port,
    logFile: spec.logFile,
    child,
  };
}

/** Waits until `GET /health/ready` answers 200; on failure the error carries the tail of the app's log. */
export async function waitAppReady(proc: AppProc, timeoutMs = 60000): Promise<void> {
  const url = readyUrl(proc);
  try {
    await waitUntil(
      `${proc.app}-${proc.index} (${url})`,
      async () => (await httpStatus(url)) === 200,
      timeoutMs,
      proc.child,
    );
  } catch (err) {
    const where = proc.logFile ? `\n--- ${proc.logFile} ---\n${tailFile(proc.logFile)}` : '';
    throw new Error(`${(err as Error).message}${where}`);
  }
}

export async function startApps(options: StartAppsOptions): Promise<AppsHandle> {
  const baseEnv: Env = { ...(options.inheritEnv === false ? {} : process.env), ...options.env };
  const timeoutMs = options.readyTimeoutMs ?? 60000;
  const procs: AppProc[] = [];
  const specs = new Map<string, AppSpawnSpec>();
  const key = (app: App, index: number): string => `${app}#${index}`;
  const count = (app: App): number => Math.max(0, Math.floor(options.replicas?.[app] ?? 1));

  const nextSpec = async (app: App): Promise<AppSpawnSpec> => {
    const index = procs.filter((p) => p.app === app).length;
    const appEnv: Env = { ...baseEnv, ...(options.appEnv?.[app] ?? {}) };
    const logFile = options.logDir ? join(options.logDir, `${app}-${index}.log`) : undefined;
    if (app === 'gateway') {
      const port = options.gatewayPort !== undefined ? options.gatewayPort + index : await freePort();
      return { app, index, port, logFile, detached: options.detached, env: { ...appEnv, PORT: String(port) } };
    }
    const healthPort = await freePort();
    return {
      app,
      index,
      healthPort,
      logFile,
      detached: options.detached,
      env: { ...appEnv, HEALTH_PORT: String(healthPort) },
    };
  };

  const launch = (spec: AppSpawnSpec): AppProc => {
    const proc = spawnApp(spec);
    specs.set(key(spec.app, spec.index), spec);
    const at = procs.findIndex((p) => p.app === spec.app && p.index === spec.index);
    if (at >= 0) {
      procs[at] = proc;
    } else {
      procs.push(proc);
    }
    return proc;
  };

  const find = (app: App, index: number): AppProc => {
    const proc = procs.find((p) => p.app === app && p.index === index);
    if (!proc) {
      throw new Error(`no process ${app}-${index}`);
    }
    return proc;
  };

  const stop = async (signal: NodeJS.Signals = 'SIGTERM', stopTimeoutMs = 15000): Promise<void> => {
    // Gateways first (no new requests), then the services finish what is in flight.
    await Promise.all(procs.filter((p) => p.app === 'gateway').map((p) => stopChild(p.child, signal, stopTimeoutMs)));
    await Promise.all(procs.filter((p) => p.app !== 'gateway').map((p) => stopChild(p.child, signal, stopTimeoutMs)));
  };

  const handle: AppsHandle = {
    gatewayUrl: '',
    gatewayUrls: [],
    procs,
    env: options.env,
    logDir: options.logDir,
    stop,
    async kill(app, index, signal = 'SIGTERM') {
      const proc = find(app, index);
      if (hasExited(proc.child)) {
        return;
      }
      if (signal === 'SIGKILL' || signal === 'SIGTERM' || signal === 'SIGINT') {
        const exited = waitExit(proc.child);
        proc.child.kill(signal);
        await exited;
      } else {
        proc.child.kill(signal);
      }
    },
    async restart(app, index) {
      const old = find(app, index);
      await stopChild(old.child, 'SIGTERM');
      const spec = specs.get(key(app, index));
      if (!spec) {
        throw new Error(`no spec for ${app}-${index}`);
      }
      const proc = launch(spec);
      await waitAppReady(proc, timeoutMs);
      return proc;
    },
    async add(app) {
      const proc = launch(await nextSpec(app));
      await waitAppReady(proc, timeoutMs);
      if (app === 'gateway') {
        handle.gatewayUrls.push(`http://${LOCALHOST}:${String(proc.port)}`);
      }
      return proc;
    },
  };

  const phase = async (apps: readonly App[]): Promise<void> => {
    const started: AppProc[] = [];
    for (const app of apps) {
      for (let i = 0; i < count(app); i++) {
        started.push(launch(await nextSpec(app)));
      }
    }
    await Promise.all(started.map((p) => waitAppReady(p, timeoutMs)));
  };

  try {
    await phase(SERVICES);
    await phase(['gateway']);
  } catch (err) {
    await stop('SIGTERM', 5000);
    throw err;
  }
  handle.gatewayUrls.push(
    ...procs.filter((p) => p.app === 'gateway').map((p) => `http://${LOCALHOST}:${String(p.port)}`),
  );
  handle.gatewayUrl = handle.gatewayUrls[0] ?? '';
  return handle;
}
