import { loginServiceConfigurations, oauthServiceInfos } from './login-services';

const settings = new Map<string, unknown>([
  ['Accounts_OAuth_Google', true],
  ['Accounts_OAuth_Google_id', 'google-client'],
  ['Accounts_OAuth_Google_secret', 'google-secret'],
  ['Accounts_OAuth_Facebook', true],
  ['Accounts_OAuth_Facebook_id', 'fb-app'],
  ['Accounts_OAuth_Facebook_secret', 'fb-secret'],
  ['Accounts_OAuth_Twitter', true],
  ['Accounts_OAuth_Twitter_id', 'tw-key'],
  ['Accounts_OAuth_Github', false],
  ['Accounts_OAuth_Github_id', 'gh-client'],
]);

describe('login services from the OAuth settings', () => {
  it('configures each enabled service, naming its id as Rocket.Chat does, secrets only on request', () => {
    const configs = loginServiceConfigurations(settings);
    expect(configs.map((c) => c.service)).toEqual(['facebook', 'google', 'twitter']);
    expect(configs.find((c) => c.service === 'facebook')).toMatchObject({ appId: 'fb-app' });
    expect(configs.find((c) => c.service === 'google')).toMatchObject({ clientId: 'google-client' });
    expect(configs.find((c) => c.service === 'twitter')).toMatchObject({ consumerKey: 'tw-key' });
    expect(JSON.stringify(configs)).not.toContain('secret');
    const withSecrets = loginServiceConfigurations(settings, true);
    expect(withSecrets.find((c) => c.service === 'google')).toMatchObject({ secret: 'google-secret' });
  });

  it('gives every replica the same stable id per service', () => {
    const a = loginServiceConfigurations(settings).map((c) => c._id);
    const b = loginServiceConfigurations(new Map(settings)).map((c) => c._id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(3);
    for (const id of a) {
      expect(id).toMatch(/^[0-9a-f]{17}$/);
    }
  });

  it("describes them for settings.oauth: each one's client id, never custom", () => {
    expect(oauthServiceInfos(loginServiceConfigurations(settings))).toEqual([
      expect.objectContaining({ name: 'facebook', clientId: 'fb-app', custom: false, buttonColor: '' }),
      expect.objectContaining({ name: 'google', clientId: 'google-client', custom: false }),
      expect.objectContaining({ name: 'twitter', clientId: 'tw-key', custom: false }),
    ]);
  });
});
