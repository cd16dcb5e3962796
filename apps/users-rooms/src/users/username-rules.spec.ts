import { blockedUsernameError, isBlockedUsername } from './username-rules';

describe(isBlockedUsername.name, () => {
  it('always blocks the mention names, and any listed name, case-insensitively', () => {
    for (const name of ['all', 'HERE', ' here ']) {
      expect(isBlockedUsername(name)).toBe(true);
    }
    expect(isBlockedUsername('Administrator', '', 'admin,administrator,system,user')).toBe(true);
    expect(isBlockedUsername('USER', undefined, 'admin,administrator,system,user')).toBe(true);
    expect(isBlockedUsername('bob', ' bob , eve', undefined)).toBe(true);
  });

  it('lets other names and blanks through', () => {
    expect(isBlockedUsername('alice', 'bob,eve', 'admin,administrator,system,user')).toBe(false);
    expect(isBlockedUsername('users', '', 'admin,administrator,system,user')).toBe(false);
    expect(isBlockedUsername('', '', ',')).toBe(false);
  });
});

describe(blockedUsernameError.name, () => {
  it("is Rocket.Chat's error-blocked-username with the name escaped in the text", () => {
    expect(blockedUsernameError('<b>').payload).toEqual({
      rc: 1,
      kind: 'failure',
      errorType: 'error-blocked-username',
      reason: "&lt;b&gt; is blocked and can't be used!",
      details: { method: 'checkUsernameAvailability', field: '<b>' },
    });
  });
});
