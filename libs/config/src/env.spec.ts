import { cleanEnv } from 'envalid';
import { gatewayEnvSpec, serviceEnvSpec, usersRoomsEnvSpec } from './env';

/** envalid reports and exits on a bad value; here it throws instead, so the refusal can be checked */
const reporter = ({ errors }: { errors: Record<string, unknown> }) => {
  const bad = Object.keys(errors);
  if (bad.length) {
    throw new Error(`bad: ${bad.join(', ')}`);
  }
};
const clean = (env: Record<string, string>) => cleanEnv(env, gatewayEnvSpec, { reporter });
const cleanService = (env: Record<string, string>) => cleanEnv(env, serviceEnvSpec, { reporter });
const cleanUsersRooms = (env: Record<string, string>) => cleanEnv(env, usersRoomsEnvSpec, { reporter });

describe('gateway environment', () => {
  it('keeps idle connections 65 s unless told otherwise', () => {
    expect(clean({}).HTTP_KEEP_ALIVE_TIMEOUT_MS).toBe(65000);
    expect(clean({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '120000' }).HTTP_KEEP_ALIVE_TIMEOUT_MS).toBe(120000);
  });

  it('prints request ids on error lines unless told to carry them everywhere', () => {
    expect(clean({}).LOG_REQUEST_IDS).toBe('errors');
    expect(clean({ LOG_REQUEST_IDS: 'all' }).LOG_REQUEST_IDS).toBe('all');
    expect(() => clean({ LOG_REQUEST_IDS: 'yes' })).toThrow('bad: LOG_REQUEST_IDS');
  });

  it.each(['0', '-5', '1.5', 'soon', ''])('refuses HTTP_KEEP_ALIVE_TIMEOUT_MS=%j', (value) => {
    expect(() => clean({ HTTP_KEEP_ALIVE_TIMEOUT_MS: value })).toThrow('bad: HTTP_KEEP_ALIVE_TIMEOUT_MS');
  });

  const transportKeys = [
    'RPC_TIMEOUT_MS',
    'RPC_CLAIM_IDLE_MS',
    'RPC_STREAM_MAXLEN',
    'RPC_CONCURRENCY',
    'SHUTDOWN_TIMEOUT_MS',
  ] as const;

  it.each(transportKeys)('takes a whole number of at least 1 for %s', (key) => {
    expect(clean({ [key]: '1' })[key]).toBe(1);
    expect(clean({ [key]: '250' })[key]).toBe(250);
  });

  it.each(transportKeys.flatMap((key) => ['0', '-1', '2.5', 'many'].map((value) => [key, value])))(
    'refuses %s=%j',
    (key, value) => {
      expect(() => clean({ [key]: value })).toThrow(`bad: ${key}`);
    },
  );

  it('caches resolved tokens 60 s unless told otherwise, and not at all with 0', () => {
    expect(clean({}).AUTH_CACHE_TTL_SECONDS).toBe(60);
    expect(clean({ AUTH_CACHE_TTL_SECONDS: '0' }).AUTH_CACHE_TTL_SECONDS).toBe(0);
    expect(clean({ AUTH_CACHE_TTL_SECONDS: '300' }).AUTH_CACHE_TTL_SECONDS).toBe(300);
  });

  it.each(['-1', '1.5', 'long', ''])('refuses AUTH_CACHE_TTL_SECONDS=%j', (value) => {
    expect(() => clean({ AUTH_CACHE_TTL_SECONDS: value })).toThrow('bad: AUTH_CACHE_TTL_SECONDS');
  });
});

describe('users-rooms environment', () => {
  it("hashes with bcrypt's cost 10 unless told otherwise, anywhere in bcrypt's range", () => {
    expect(cleanUsersRooms({}).BCRYPT_ROUNDS).toBe(10);
    expect(cleanUsersRooms({ BCRYPT_ROUNDS: '4' }).BCRYPT_ROUNDS).toBe(4);
    expect(cleanUsersRooms({ BCRYPT_ROUNDS: '31' }).BCRYPT_ROUNDS).toBe(31);
  });

  it.each(['3', '32', '0', '-10', '10.5', 'strong', ''])('refuses BCRYPT_ROUNDS=%j', (value) => {
    expect(() => cleanUsersRooms({ BCRYPT_ROUNDS: value })).toThrow('bad: BCRYPT_ROUNDS');
  });
});

describe('service environment', () => {
  it('waits at most 5 ms between reads of a service stream unless told otherwise, and not at all with 0', () => {
    expect(cleanService({}).RPC_READ_LINGER_MS).toBe(5);
    expect(cleanService({ RPC_READ_LINGER_MS: '0' }).RPC_READ_LINGER_MS).toBe(0);
    expect(cleanService({ RPC_READ_LINGER_MS: '1000' }).RPC_READ_LINGER_MS).toBe(1000);
  });

  it.each(['-1', '1.5', '1001', 'soon', ''])('refuses RPC_READ_LINGER_MS=%j', (value) => {
    expect(() => cleanService({ RPC_READ_LINGER_MS: value })).toThrow('bad: RPC_READ_LINGER_MS');
  });
});
