import { mayCreateTokenFor } from './create-token';

describe(mayCreateTokenFor.name, () => {
  const base = { featureEnabled: true, callerId: 'a', targetId: 'a', callerMayGenerateForOthers: false };

  it('refuses everyone while CREATE_TOKENS_FOR_USERS is off, even for oneself', () => {
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
});
