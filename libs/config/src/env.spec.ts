import { cleanEnv } from 'envalid';
import { gatewayEnvSpec } from './env';

/** envalid reports and exits on a bad value; here it throws instead, so the refusal can be checked */
const clean = (env: Record<string, string>) =>
  cleanEnv(env, gatewayEnvSpec, {
    reporter: ({ errors }) => {
      const bad = Object.keys(errors);
      if (bad.length) {
        throw new Error(`bad: ${bad.join(', ')}`);
      }
    },
  });

describe('gateway environment', () => {
  it('keeps idle connections 65 s unless told otherwise', () => {
    expect(clean({}).HTTP_KEEP_ALIVE_TIMEOUT_MS).toBe(65000);
    expect(clean({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '120000' }).HTTP_KEEP_ALIVE_TIMEOUT_MS).toBe(120000);
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
});
