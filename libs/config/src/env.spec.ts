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
});
