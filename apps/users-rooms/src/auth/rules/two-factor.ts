/**
 * Rocket.Chat's second-factor check for sensitive actions (checkCodeForUser), reduced to the methods this
 * server offers: `password` (the code is the lower-case SHA-256 hex of the password). Pure decision; the
 * service does the password comparison.
 */
export interface TwoFactorContext {
  /** Accounts_TwoFactorAuthentication_Enabled */
  enabled: boolean;
  /** TEST_MODE skips the check unless a second factor is required */
  testMode: boolean;
  /** the action always needs a second factor (users.updateOwnBasicInfo changing e-mail or password) */
  requireSecondFactor: boolean;
  /** the caller's token: a PAT created with bypassTwoFactor, and the "remember me" deadline */
  token?: { bypassTwoFactor?: boolean; twoFactorAuthorizedUntil?: Date | string };
  userCreatedAt?: Date | string;
  /** Accounts_TwoFactorAuthentication_RememberFor, seconds */
  rememberForSeconds: number;
  /** the user has a password and Accounts_TwoFactorAuthentication_Enforce_Password_Fallback is on */
  passwordMethodAvailable: boolean;
  /** x-2fa-code (or currentPassword); the method header may name another method, the password one is used */
  code?: string;
  now: Date;
}

export type TwoFactorDecision =
  | { kind: 'pass' }
  /** 400 totp-required with these details */
  | { kind: 'required'; details: Record<string, unknown> }
  /** compare `code` with the password digest */
  | { kind: 'verify-password'; code: string };

const time = (d: Date | string | undefined) => (d ? new Date(d).getTime() : NaN);

export function decideTwoFactor(c: TwoFactorContext): TwoFactorDecision {
  if (c.testMode && !c.requireSecondFactor) {
    return { kind: 'pass' };
  }
  if (!c.enabled) {
    return { kind: 'pass' };
  }
  if (!c.requireSecondFactor && c.token) {
    if (c.token.bypassTwoFactor === true) {
      return { kind: 'pass' };
    }
    const rememberMs = c.rememberForSeconds * 1000;
    if (time(c.userCreatedAt) > c.now.getTime() - rememberMs) {
      return { kind: 'pass' };
    }
    if (time(c.token.twoFactorAuthorizedUntil) > c.now.getTime()) {
      return { kind: 'pass' };
    }
  }
  const available = c.passwordMethodAvailable ? ['password'] : [];
  if (!available.length && !c.requireSecondFactor) {
    return { kind: 'pass' };
  }
  const method = 'password';
  if (!c.code) {
    return { kind: 'required', details: { method, codeGenerated: false, availableMethods: available } };
  }
  return { kind: 'verify-password', code: c.code };
}
