import type { AuthUser, TwoFactorInput } from '@app/contracts';

/**
 * The second-factor check the users context needs (users.update, e-mail and password changes) and the auth
 * context provides (`TwoFactorService`): declared here so the users context does not depend on auth.
 */
export abstract class SecondFactorCheck {
  /**
   * Passes, or throws `totp-required` / `totp-invalid`. `requireSecondFactor`: the action always needs one
   * (skipped neither in TEST_MODE nor for recently created users).
   */
  abstract check(caller: AuthUser, input: TwoFactorInput | undefined, requireSecondFactor: boolean): Promise<void>;
}
