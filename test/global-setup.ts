/**
 * Starts what the e2e tests run against: Redis and MongoDB (unless REDIS_URL / MONGO_URL are given), then the five
 * apps from `dist/` (`npm run test:e2e` builds first). Hands the URLs and credentials to the tests through
 * test/helpers/state.ts and `process.env.E2E_*`; keeps the process handles on `globalThis` for the teardown.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppsHandle, Proc, freePort, startApps, startMongo, startRedis } from '../scripts/infra';
import { E2E_RATE_LIMIT, E2EState, stateFile, writeState } from './helpers/state';

export interface E2EHandles {
  redis?: Proc;
  mongo?: Proc;
  apps?: AppsHandle;
  tmpDir: string;
}

const HANDLES_KEY = '__RC_E2E_HANDLES__';

export function setHandles(handles: E2EHandles | undefined): void {
  (globalThis as Record<string, unknown>)[HANDLES_KEY] = handles;
}

export function getHandles(): E2EHandles | undefined {
  return (globalThis as Record<string, unknown>)[HANDLES_KEY] as E2EHandles | undefined;
}

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const tmpDir = mkdtempSync(join(tmpdir(), 'rc-e2e-'));
  // one state file per run, so several e2e runs on one machine do not read each other's
  process.env.E2E_STATE_FILE ??= join(tmpDir, 'state.json');
  const logDir = join(tmpDir, 'logs');
  const handles: E2EHandles = { tmpDir };
  setHandles(handles);
  try {
    let redisUrl = process.env.REDIS_URL;
    if (!redisUrl) {
      handles.redis = await startRedis({
        port: await freePort(),
        dir: join(tmpDir, 'redis'),
        logFile: join(logDir, 'redis.log'),
      });
      redisUrl = handles.redis.url;
    }
    let mongoUrl = process.env.MONGO_URL;
    if (!mongoUrl) {
      handles.mongo = await startMongo({ port: await freePort(), logFile: join(logDir, 'mongo.log') });
      mongoUrl = `${handles.mongo.url}/rc_e2e_${randomBytes(4).toString('hex')}`;
    }

    const admin = { username: 'admin', password: 'admin-e2e-pass', email: 'admin@e2e.test' };
    // test/accounts.e2e-spec.ts runs its fake OAuth provider (Google, Twitter) on this port
    const fakeOAuthPort = await freePort();
    const appEnv: Record<string, string> = {
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      RPC_TIMEOUT_MS: process.env.RPC_TIMEOUT_MS ?? '3000',
      HOST: '127.0.0.1',
      REDIS_URL: redisUrl,
      MONGO_URL: mongoUrl,
      ADMIN_USERNAME: admin.username,
      ADMIN_PASS: admin.password,
      ADMIN_EMAIL: admin.email,
      // Rocket.Chat's default is 10 calls a minute per route and IP; the suite logs in far more often than that
      // from one IP, so the e2e limit is higher (see E2E_RATE_LIMIT).
      OVERWRITE_SETTING_API_Enable_Rate_Limiter_Limit_Calls_Default: String(E2E_RATE_LIMIT),
      // avatar URLs in the e2e tests point at a local server (the refusal of such addresses has unit tests)
      OVERWRITE_SETTING_Avatar_Allow_Private_Urls: 'true',
      // users.register allows 1 call a minute per IP in Rocket.Chat; raised so the suite can register several
      // users (test/user-jobs.e2e-spec.ts reads the limit from the headers for its 429 test)
      OVERWRITE_SETTING_Rate_Limiter_Limit_RegisterUser: '50',
      // e-mail goes to the local SMTP server that test/user-jobs.e2e-spec.ts runs on this port
      OVERWRITE_SETTING_SMTP_Host: '127.0.0.1',
      OVERWRITE_SETTING_SMTP_Port: '39025',
      OVERWRITE_SETTING_SMTP_IgnoreTLS: 'true',
      OVERWRITE_SETTING_From_Email: 'no-reply@e2e.test',
      DATA_EXPORT_PATH: join(tmpDir, 'exports'),
      // OAuth logins: Google and Twitter go to the fake provider of test/accounts.e2e-spec.ts; Facebook stays
      // unconfigured ("Service not configured"). Failed-login blocking is on (Rocket.Chat's default) but never
      // blocks 127.0.0.1, where every spec logs in from; its tests use other addresses via X-Forwarded-For.
      OVERWRITE_SETTING_Accounts_OAuth_Google: 'true',
      OVERWRITE_SETTING_Accounts_OAuth_Google_id: 'e2e-google-client',
      OVERWRITE_SETTING_Accounts_OAuth_Google_secret: 'e2e-google-secret',
      OVERWRITE_SETTING_Accounts_OAuth_Google_API_URL: `http://127.0.0.1:${fakeOAuthPort}/google`,
      OVERWRITE_SETTING_Accounts_OAuth_Twitter: 'true',
      OVERWRITE_SETTING_Accounts_OAuth_Twitter_id: 'e2e-twitter-consumer-key',
      OVERWRITE_SETTING_Accounts_OAuth_Twitter_secret: 'e2e-twitter-consumer-secret',
      OVERWRITE_SETTING_Accounts_OAuth_Twitter_API_URL: `http://127.0.0.1:${fakeOAuthPort}/twitter`,
      OVERWRITE_SETTING_Block_Multiple_Failed_Logins_Ip_Whitelist: '127.0.0.1',
      // Rocket.Chat's protections of settings (test/settings.e2e-spec.ts): one the API may not change, one it
      // neither shows nor changes
      SETTINGS_BLOCKED: 'Force_SSL',
      SETTINGS_HIDDEN: 'Stream_Cast_Address',
      // users.createToken works only with these (the secret, as newer servers ask it, must then be sent); its
      // refusals are still reachable (no or a wrong secret, another user, no permission)
      CREATE_TOKENS_FOR_USERS: 'true',
      CREATE_TOKENS_FOR_USERS_SECRET: 'e2e-create-tokens-secret',
    };
    handles.apps = await startApps({ env: appEnv, logDir });

    const state: E2EState = {
      gatewayUrl: handles.apps.gatewayUrl,
      gatewayUrls: handles.apps.gatewayUrls,
      redisUrl,
      mongoUrl,
      admin,
      tmpDir,
      logDir,
      appEnv,
      procs: handles.apps.procs.map(({ app, index, pid, healthPort, port, logFile }) => ({
        app,
        index,
        pid,
        healthPort,
        port,
        logFile,
      })),
    };
    writeState(state);
    Object.assign(process.env, {
      E2E_STATE_FILE: stateFile(),
      E2E_GATEWAY_URL: state.gatewayUrl,
      E2E_REDIS_URL: redisUrl,
      E2E_MONGO_URL: mongoUrl,
      E2E_ADMIN_USERNAME: admin.username,
      E2E_ADMIN_PASS: admin.password,
      E2E_LOG_DIR: logDir,
    });
    process.stderr.write(
      `\n[e2e] ready in ${((Date.now() - started) / 1000).toFixed(1)} s: gateway ${state.gatewayUrl}, logs ${logDir}\n`,
    );
  } catch (err) {
    process.stderr.write(`\n[e2e] setup failed; logs are in ${logDir}\n`);
    await handles.apps?.stop('SIGTERM', 5000);
    await handles.redis?.stop(5000);
    await handles.mongo?.stop(5000);
    setHandles(undefined);
    throw err;
  }
}
