import { mayCreateTokenFor } from './create-token';

describe(mayCreateTokenFor.name, () => {
  const base = {
    featureEnabled: true,
    serverSecret: '',
    callerId: 'a',
    targetId: 'a',
    callerMayGenerateForOthers: false,
  };

  it('refuses everyone while CREATE_TOKENS_FOR_USERS is off and no secret is configured, even for oneself', () => {
    expect(mayCreateTokenFor({ ...base, featureEnabled: false })).toBe(false);
    expect(mayCreateTokenFor({ ...base, featureEnabled: false, targetId: 'b', callerMayGenerateForOthers: true })).toBe(
      false,
    );
  });

  it('lets a user mint a token for itself', () => {
    expect(mayCreateTokenFor(base)).toBe(true);
  });

  it('needs user-generate-access-token for someone else', () => {
    expect(mayCreateTokenFor({ ...base, targetId: 'b' })).toBe(false);
    expect(mayCreateTokenFor({ ...base, targetId: 'b', callerMayGenerateForOthers: true })).toBe(true);
  });

  it('with CREATE_TOKENS_FOR_USERS_SECRET set, needs that exact secret (and nothing else)', () => {
    const withSecret = { ...base, featureEnabled: false, serverSecret: 's3cret' };
    expect(mayCreateTokenFor({ ...withSecret, secret: 's3cret' })).toBe(true);
    expect(mayCreateTokenFor({ ...withSecret, secret: 'S3cret' })).toBe(false);
    expect(mayCreateTokenFor({ ...withSecret, secret: '' })).toBe(false);
    expect(mayCreateTokenFor(withSecret)).toBe(false);
    expect(mayCreateTokenFor({ ...withSecret, secret: 's3cret', targetId: 'b' })).toBe(false);
  });

  it('refuses a secret sent to a server that has none', () => {
    expect(mayCreateTokenFor({ ...base, secret: 'anything' })).toBe(false);
  });
});
