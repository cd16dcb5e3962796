/**
 * Embedded default for `npm start`: a local redis-server and MongoDB-wire server when `REDIS_URL` / `MONGO_URL`
 * are not set (data under `<root>/.data/`, kept across restarts), then the five apps. Ctrl-C stops the apps
 * gracefully, then Redis and MongoDB.
 *
 * Environment: REDIS_URL, MONGO_URL, PORT (3000), REPLICAS (`chat=2,gateway=2`), ADMIN_USERNAME / ADMIN_PASS /
 * ADMIN_EMAIL (defaults admin / admin / admin@example.com when ADMIN_PASS is unset); everything else is passed on.
 */
import { join } from 'node:path';
import {
  APPS,
  App,
  AppsHandle,
  Env,
  Proc,
  portOpen,
  redisPing,
  repoRoot,
  reusedProc,
  startApps,
  startMongo,
  startRedis,
} from './infra';

const REDIS_PORT = 6379;
const MONGO_PORT = 27017;

function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

export function parseReplicas(text: string | undefined): Partial<Record<App, number>> {
  const replicas: Partial<Record<App, number>> = {};
  for (const part of (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, value] = part.split('=').map((s) => s.trim());
    const n = Number(value);
    if (!(APPS as readonly string[]).includes(name) || !Number.isInteger(n) || n < 1) {
      throw new Error(`REPLICAS: bad entry "${part}" (expected app=count, app one of ${APPS.join(', ')})`);
    }
    replicas[name as App] = n;
  }
  return replicas;
}

async function main(): Promise<void> {
  const root = repoRoot();
  const dataDir = join(root, '.data');
  const logDir = join(dataDir, 'logs');
  const replicas = parseReplicas(process.env.REPLICAS);
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error(`PORT: bad value "${process.env.PORT ?? ''}"`);
  }

  let redis: Proc | undefined;
  let mongo: Proc | undefined;
  let apps: AppsHandle | undefined;
  let stopping: Promise<void> | undefined;

  const shutdown = (code: number): Promise<void> => {
    stopping ??= (async () => {
      try {
        if (apps) {
          say('stopping the apps...');
          await apps.stop('SIGTERM');
        }
        if (redis?.pid !== undefined) {
          say('stopping redis...');
        }
        await redis?.stop();
        if (mongo?.pid !== undefined) {
          say('stopping mongo...');
        }
        await mongo?.stop();
      } finally {
        say('stopped.');
        process.exit(code);
      }
    })();
    return stopping;
  };

  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (firstSignalAt) {
      // `npm start` forwards the terminal's Ctrl-C, so one press can arrive twice: only report later ones.
      if (Date.now() - firstSignalAt > 1000) {
        say(`${signal}: still stopping (each process gets at most 15 s)`);
      }
      return;
    }
    firstSignalAt = Date.now();
    say(`\n${signal}: shutting down`);
    void shutdown(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    const env: Env = {};

    if (process.env.REDIS_URL) {
      env.REDIS_URL = process.env.REDIS_URL;
    } else {
      if (await redisPing(REDIS_PORT)) {
        say(`redis: reusing the server answering on 127.0.0.1:${REDIS_PORT}`);
        redis = reusedProc('redis', REDIS_PORT, `redis://127.0.0.1:${REDIS_PORT}`);
      } else {
        if (await portOpen(REDIS_PORT)) {
          throw new Error(`port ${REDIS_PORT} is taken by something that is not Redis`);
        }
        say(`redis: starting on 127.0.0.1:${REDIS_PORT}, data in ${join(dataDir, 'redis')}`);
        redis = await startRedis({
          port: REDIS_PORT,
          dir: join(dataDir, 'redis'),
          appendonly: true,
          logFile: join(logDir, 'redis.log'),
          detached: true,
        });
      }
      env.REDIS_URL = redis.url;
    }

    if (process.env.MONGO_URL) {
      env.MONGO_URL = process.env.MONGO_URL;
    } else {
      if (await portOpen(MONGO_PORT)) {
        say(`mongo: reusing the server listening on 127.0.0.1:${MONGO_PORT}`);
        mongo = reusedProc('mongo', MONGO_PORT, `mongodb://127.0.0.1:${MONGO_PORT}`);
      } else {
        say(`mongo: starting on 127.0.0.1:${MONGO_PORT}, data in ${join(dataDir, 'mongo')}`);
        mongo = await startMongo({
          port: MONGO_PORT,
          dataDir: join(dataDir, 'mongo'),
          logFile: join(logDir, 'mongo.log'),
          detached: true,
        });
        say(`mongo: ${mongo.name} ready`);
      }
      env.MONGO_URL = `${mongo.url}/rocketchat`;
    }

    env.PORT = String(port);
    if (!process.env.ADMIN_PASS) {
      env.ADMIN_USERNAME = process.env.ADMIN_USERNAME ?? 'admin';
      env.ADMIN_PASS = 'admin';
      env.ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? 'admin@example.com';
      say(
        `admin: ADMIN_PASS is not set, using ADMIN_USERNAME=${env.ADMIN_USERNAME} ADMIN_PASS=${env.ADMIN_PASS} ` +
          `ADMIN_EMAIL=${env.ADMIN_EMAIL} (applies when the database has no admin yet)`,
      );
    }

    say(`apps: starting (logs in ${logDir})`);
    apps = await startApps({ env, replicas, logDir, gatewayPort: port, detached: true });
    for (const p of apps.procs) {
      p.child.once('exit', (code, signal) => {
        if (!stopping) {
          say(
            `warning: ${p.app}-${p.index} (pid ${p.pid}) exited (${signal ?? `code ${String(code)}`}), see ${p.logFile ?? 'its output'}`,
          );
        }
      });
    }

    const url = apps.gatewayUrl;
    say('');
    say(`Rocket.Chat-compatible API ready: ${apps.gatewayUrls.join(' , ')}`);
    say(`  processes: ${apps.procs.map((p) => `${p.app}-${p.index}(pid ${p.pid})`).join(' ')}`);
    say(`  try: curl -s ${url}/api/info`);
    say(
      `       curl -s -H 'Content-Type: application/json' -d '{"user":"${env.ADMIN_USERNAME ?? process.env.ADMIN_USERNAME ?? 'admin'}","password":"${env.ADMIN_PASS ?? '<ADMIN_PASS>'}"}' ${url}/api/v1/login`,
    );
    say('  Ctrl-C to stop.');
  } catch (err) {
    process.stderr.write(`start failed: ${err instanceof Error ? err.message : String(err)}\n`);
    await shutdown(1);
  }
}

if (require.main === module) {
  void main();
}
