import { bool, cleanEnv, EnvError, makeValidator, num, str, url } from 'envalid';
import { hostname } from 'node:os';

/**
 * A whole number from `min` to `max` (`unit` names it in the refusal). Transport timeouts, lengths and counts take
 * at least 1: 0 or less would mean none, or a nonsensical one (a replica that may handle no request at once never
 * reads one).
 */
const wholeNumber = (unit: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  makeValidator<number>((input: string) => {
    const value = Number(input);
    if (input.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
      throw new EnvError(`expected a whole number of ${unit} ${range}, got "${input}"`);
    }
    return value;
  });
const atLeastOne = (unit: string) => wholeNumber(unit, 1);
const positiveMs = atLeastOne('milliseconds');

/** Keys every app reads: where Redis and MongoDB are, how the transport behaves. */
export const sharedEnvSpec = {
  NODE_ENV: str({ default: 'production' }),
  REDIS_URL: url({ default: 'redis://127.0.0.1:6379' }),
  MONGO_URL: url({ default: 'mongodb://127.0.0.1:27017/rocketchat' }),
  LOG_LEVEL: str({ default: 'info', choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] }),
  /**
   * `errors`: error lines carry the request or call id they belong to; `all`: every line written on behalf of a
   * request, through AsyncLocalStorage, at a CPU cost on every promise (libs/logging/src/request-context.ts).
   */
  LOG_REQUEST_IDS: str({ default: 'errors', choices: ['errors', 'all'] }),
  /** Prefix of every Redis key, stream and channel the apps use. */
  RC_REDIS_PREFIX: str({ default: 'rc' }),
  /** Consumer name of this replica in the Redis Streams groups (Kubernetes: the pod name). */
  RPC_CONSUMER_NAME: str({ default: `${hostname()}-${process.pid}` }),
  /** How long a caller waits for a service's reply. */
  RPC_TIMEOUT_MS: positiveMs({ default: 5000 }),
  /** A request pending this long on a dead replica is claimed by a live one. */
  RPC_CLAIM_IDLE_MS: positiveMs({ default: 3000 }),
  /** Approximate length a request stream is trimmed to. */
  RPC_STREAM_MAXLEN: atLeastOne('entries')({ default: 100000 }),
  /** Requests one replica handles at the same time. */
  RPC_CONCURRENCY: atLeastOne('requests')({ default: 64 }),
  /** Graceful shutdown: how long in-flight work may take before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: positiveMs({ default: 15000 }),
  /** Rocket.Chat's TEST_MODE: no rate limiting, `stack` in error bodies. */
  TEST_MODE: bool({ default: false }),
  /** Where file bytes live (avatars, uploads): `GridFS` on MONGO_URL, or `FileSystem` under FILE_STORAGE_PATH. */
  FILE_STORAGE: str({ default: 'GridFS', choices: ['GridFS', 'FileSystem'] }),
  /** Root folder of the `FileSystem` store (shared by every replica); empty: `<os tmpdir>/rc-files`. */
  FILE_STORAGE_PATH: str({ default: '' }),
};

export const gatewayEnvSpec = {
  ...sharedEnvSpec,
  PORT: num({ default: 3000 }),
  HOST: str({ default: '0.0.0.0' }),
  /**
   * Seconds the gateway keeps a resolved login token in memory (invalidated on logout/user change); 0: every
   * authenticated call asks users-rooms.
   */
  AUTH_CACHE_TTL_SECONDS: wholeNumber('seconds', 0)({ default: 60 }),
  /**
   * Which peers may set X-Forwarded-For (the client IP of rate limits and login blocking): express's
   * `trust proxy` value. The default trusts private and loopback peers only (an ingress or load balancer inside
   * the cluster), so a client reaching the gateway directly cannot pick its own IP. `true` / `false` as usual.
   */
  TRUST_PROXY: str({ default: 'loopback, linklocal, uniquelocal' }),
  /**
   * How long an idle keep-alive connection stays open. Above the idle timeout of the load balancers in front
   * (60 s on most), so that the balancer, not the gateway, closes an idle connection: a gateway closing first
   * races the balancer's next request on it, which then fails (a 502, or a reset at the client).
   */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveMs({ default: 65000 }),
};

export const serviceEnvSpec = {
  ...sharedEnvSpec,
  /** HTTP port of this service's health endpoints (liveness/readiness only; the API is the gateway's). */
  HEALTH_PORT: num({ default: 0 }),
  /**
   * After a read of its stream, how long at most a service replica waits for those requests to be handled before
   * it reads again, so that what arrives meanwhile is read, and written, as one batch; 0: read again at once.
   */
  RPC_READ_LINGER_MS: wholeNumber('milliseconds', 0, 1000)({ default: 5 }),
};

export const usersRoomsEnvSpec = {
  ...serviceEnvSpec,
  ADMIN_USERNAME: str({ default: 'admin' }),
  ADMIN_PASS: str({ default: '' }),
  ADMIN_EMAIL: str({ default: '' }),
  ADMIN_NAME: str({ default: 'Administrator' }),
  ADMIN_EMAIL_VERIFIED: bool({ default: false }),
  /**
   * bcrypt cost for new password hashes (Rocket.Chat uses 10): bcrypt's own range, 4 to 31. Each step doubles the
   * time a new hash takes, and every login checked against it.
   */
  BCRYPT_ROUNDS: wholeNumber('rounds', 4, 31)({ default: 10 }),
  /** Rocket.Chat's CREATE_TOKENS_FOR_USERS. */
  CREATE_TOKENS_FOR_USERS: bool({ default: false }),
  /** Rocket.Chat's CREATE_TOKENS_FOR_USERS_SECRET: users.createToken needs this `secret` (and works with it alone). */
  CREATE_TOKENS_FOR_USERS_SECRET: str({ default: '' }),
  /** Rocket.Chat's SETTINGS_BLOCKED: comma-separated setting ids the settings API may not change. */
  SETTINGS_BLOCKED: str({ default: '' }),
  /** Rocket.Chat's SETTINGS_HIDDEN: comma-separated setting ids the settings API neither lists nor changes. */
  SETTINGS_HIDDEN: str({ default: '' }),
  /** Rocket.Chat's MAIL_URL (`smtp://user:pass@host:port`): used when the SMTP_Host setting is empty. */
  MAIL_URL: str({ default: '' }),
  /** Folder of users.requestDataDownload exports (empty: `<os tmpdir>/rc-exports`). */
  DATA_EXPORT_PATH: str({ default: '' }),
};

export type SharedEnv = Readonly<ReturnType<typeof cleanEnv<typeof sharedEnvSpec>>>;
export type GatewayEnv = Readonly<ReturnType<typeof cleanEnv<typeof gatewayEnvSpec>>>;
export type ServiceEnv = Readonly<ReturnType<typeof cleanEnv<typeof serviceEnvSpec>>>;
export type UsersRoomsEnv = Readonly<ReturnType<typeof cleanEnv<typeof usersRoomsEnvSpec>>>;
