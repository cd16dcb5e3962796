/**
 * What test/global-setup.ts hands to the tests: a JSON file (jest's globalSetup runs in another context than the
 * tests, so a file and `process.env` are the only ways across).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '../../scripts/infra';

/**
 * Calls per route and minute from one address on the e2e stack (Rocket.Chat's default is 10). Every spec logs in
 * from 127.0.0.1, and the short specs at the end of a run log in several hundred times within a minute, so this
 * stays well above what the whole suite does; the rate-limit tests read it from here and from the headers.
 */
export const E2E_RATE_LIMIT = 1000;

export interface E2EProcState {
  app: App;
  index: number;
  pid: number;
  /** Services: port of `GET /health/ready`. */
  healthPort?: number;
  /** Gateway: HTTP port. */
  port?: number;
  logFile?: string;
}

export interface E2EState {
  gatewayUrl: string;
  gatewayUrls: string[];
  redisUrl: string;
  mongoUrl: string;
  admin: { username: string; password: string; email: string };
  /** Temp folder of this run (Redis dir, logs). */
  tmpDir: string;
  logDir: string;
  /** The variables the harness set for the apps (on top of process.env), without PORT / HEALTH_PORT. */
  appEnv: Record<string, string>;
  procs: E2EProcState[];
}

export function stateFile(): string {
  return process.env.E2E_STATE_FILE ?? join(tmpdir(), 'rc-e2e-state.json');
}

export function readState(): E2EState {
  const file = stateFile();
  if (!existsSync(file)) {
    throw new Error(`${file} does not exist: run the e2e tests with \`npm run test:e2e\` (test/jest-e2e.config.js)`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as E2EState;
}

export function writeState(state: E2EState): void {
  const file = stateFile();
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, file);
}
