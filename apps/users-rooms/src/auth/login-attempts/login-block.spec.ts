import {
  countFailuresSince,
  isBlocked,
  isWhitelisted,
  loginBlockPolicy,
  loginIdentity,
  normalizeIp,
  retentionMs,
  ruleApplies,
} from './login-block';

const MIN = 60_000;

describe('failed-login blocking rules', () => {
  it("reads Rocket.Chat's defaults when settings are missing", () => {
    const sut = loginBlockPolicy({});
    expect(sut).toEqual({
      enabled: true,
      byUser: { enabled: true, attempts: 10, minutes: 5 },
      byIp: { enabled: true, attempts: 50, minutes: 5, whitelist: [] },
    });
  });

  it('reads the settings, trimming the whitelist', () => {
    const sut = loginBlockPolicy({
      Block_Multiple_Failed_Logins_Enabled: true,
      Block_Multiple_Failed_Logins_By_User: false,
      Block_Multiple_Failed_Logins_Attempts_Until_Block_by_User: 3,
      Block_Multiple_Failed_Logins_Time_To_Unblock_By_User_In_Minutes: 1,
      Block_Multiple_Failed_Logins_By_Ip: true,
      Block_Multiple_Failed_Logins_Attempts_Until_Block_By_Ip: '7',
      Block_Multiple_Failed_Logins_Time_To_Unblock_By_Ip_In_Minutes: 2,
      Block_Multiple_Failed_Logins_Ip_Whitelist: '10.0.0.1, ::ffff:127.0.0.1,,',
    });
    expect(sut.byUser).toEqual({ enabled: false, attempts: 3, minutes: 1 });
    expect(sut.byIp).toEqual({ enabled: true, attempts: 7, minutes: 2, whitelist: ['10.0.0.1', '127.0.0.1'] });
    expect(ruleApplies(sut, sut.byUser)).toBe(false);
    expect(ruleApplies(sut, sut.byIp)).toBe(true);
    expect(isWhitelisted(sut, '::ffff:10.0.0.1')).toBe(true);
    expect(isWhitelisted(sut, '10.0.0.2')).toBe(false);
  });

  it('never blocks when the feature is off or the threshold is not positive', () => {
    const off = loginBlockPolicy({ Block_Multiple_Failed_Logins_Enabled: false });
    expect(ruleApplies(off, off.byIp)).toBe(false);
    const zero = loginBlockPolicy({ Block_Multiple_Failed_Logins_Attempts_Until_Block_By_Ip: 0 });
    expect(ruleApplies(zero, zero.byIp)).toBe(false);
    expect(isBlocked(1000, zero.byIp)).toBe(false);
  });

  it('blocks once the failures in the window reach the threshold', () => {
    const rule = { enabled: true, attempts: 10, minutes: 5 };
    expect(isBlocked(9, rule)).toBe(false);
    expect(isBlocked(10, rule)).toBe(true);
    expect(isBlocked(11, rule)).toBe(true);
  });

  it('counts failures from the lockout window start, or from a later successful login', () => {
    const now = 1_000_000_000;
    expect(countFailuresSince(now, 5)).toBe(now - 5 * MIN);
    expect(countFailuresSince(now, 5, now - 10 * MIN)).toBe(now - 5 * MIN);
    expect(countFailuresSince(now, 5, now - MIN)).toBe(now - MIN);
    expect(countFailuresSince(now, 0)).toBe(now);
  });

  it('keeps counters for their window, at least a minute', () => {
    expect(retentionMs({ enabled: true, attempts: 1, minutes: 5 })).toBe(5 * MIN);
    expect(retentionMs({ enabled: true, attempts: 1, minutes: 0 })).toBe(MIN);
  });

  it('normalizes IPv4-mapped IPv6 addresses', () => {
    expect(normalizeIp('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeIp('2001:db8::1')).toBe('2001:db8::1');
  });

  it('finds who a password login names in every body form', () => {
    expect(loginIdentity({ user: 'alice', password: 'x' })).toEqual({ username: 'alice' });
    expect(loginIdentity({ user: 'a@b.c', password: 'x' })).toEqual({ email: 'a@b.c' });
    expect(loginIdentity({ user: { username: 'bob' } })).toEqual({ username: 'bob' });
    expect(loginIdentity({ user: { email: 'b@c.d' } })).toEqual({ email: 'b@c.d' });
    expect(loginIdentity({ username: 'carol' })).toEqual({ username: 'carol' });
    expect(loginIdentity({ email: 'c@d.e' })).toEqual({ email: 'c@d.e' });
    expect(loginIdentity({ resume: 'token' })).toEqual({});
  });
});
