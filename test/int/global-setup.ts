/**
 * The middle tier (`*.int-spec.ts` beside the code): one context module at a time against a real Redis and the
 * real MongoDB-wire test server, with no transport and no other app. Starts both once per run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, Proc, startMongo, startRedis } from '../../scripts/infra';

const KEY = '__RC_INT_HANDLES__';

interface Handles {
  redis?: Proc;
  mongo?: Proc;
  tmpDir: string;
}

export default async function globalSetup(): Promise<void> {
  const tmpDir = mkdtempSync(join(tmpdir(), 'rc-int-'));
  const handles: Handles = { tmpDir };
  (globalThis as Record<string, unknown>)[KEY] = handles;
  if (!process.env.INT_REDIS_URL) {
    handles.redis = await startRedis({
      port: await freePort(),
      dir: join(tmpDir, 'redis'),
      logFile: join(tmpDir, 'redis.log'),
    });
    process.env.INT_REDIS_URL = handles.redis.url;
  }
  if (!process.env.INT_MONGO_URL) {
    handles.mongo = await startMongo({ port: await freePort(), logFile: join(tmpDir, 'mongo.log') });
    process.env.INT_MONGO_URL = handles.mongo.url;
  }
}

export async function teardown(): Promise<void> {
  const handles = (globalThis as Record<string, unknown>)[KEY] as Handles | undefined;
  await handles?.redis?.stop();
  await handles?.mongo?.stop();
  if (handles) {
    rmSync(handles.tmpDir, { recursive: true, force: true });
  }
}
