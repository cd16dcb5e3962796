import { decideTwoFactor, TwoFactorContext } from './two-factor';

const now = new Date('2024-06-01T12:00:00Z');
const base: TwoFactorContext = {
  enabled: true,
  testMode: false,
  requireSecondFactor: false,
  token: {},
  userCreatedAt: new Date('2024-01-01T00:00:00Z'),
  rememberForSeconds: 1800,
  passwordMethodAvailable: true,
  now,
};

describe(decideTwoFactor.name, () => {
  it('asks for the password code on a sensitive route', () => {
    expect(decideTwoFactor(base)).toEqual({
      kind: 'required',
      details: { method: 'password', codeGenerated: false, availableMethods: ['password'] },
    });
    expect(decideTwoFactor({ ...base, code: 'abc' })).toEqual({ kind: 'verify-password', code: 'abc' });
  });

  it('passes when 2FA is off, in TEST_MODE, for bypassing PATs, new users and remembered tokens', () => {
    expect(decideTwoFactor({ ...base, enabled: false }).kind).toBe('pass');
    expect(decideTwoFactor({ ...base, testMode: true }).kind).toBe('pass');
    expect(decideTwoFactor({ ...base, token: { bypassTwoFactor: true } }).kind).toBe('pass');
    expect(decideTwoFactor({ ...base, userCreatedAt: new Date(now.getTime() - 60_000) }).kind).toBe('pass');
    expect(
      decideTwoFactor({ ...base, token: { twoFactorAuthorizedUntil: new Date(now.getTime() + 60_000) } }).kind,
    ).toBe('pass');
    expect(decideTwoFactor({ ...base, passwordMethodAvailable: false }).kind).toBe('pass');
  });

  it('always asks when a second factor is required (e-mail or password change), even in TEST_MODE', () => {
    const required = { ...base, requireSecondFactor: true };
    expect(decideTwoFactor({ ...required, testMode: true }).kind).toBe('required');
    expect(decideTwoFactor({ ...required, userCreatedAt: now }).kind).toBe('required');
    expect(decideTwoFactor({ ...required, token: { bypassTwoFactor: true } }).kind).toBe('required');
    expect(decideTwoFactor({ ...required, passwordMethodAvailable: false })).toEqual({
      kind: 'required',
      details: { method: 'password', codeGenerated: false, availableMethods: [] },
    });
    expect(decideTwoFactor({ ...required, enabled: false }).kind).toBe('pass');
  });
});
