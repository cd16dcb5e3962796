import type { AuthUser, TwoFactorInput } from '@app/contracts';

/**
 * The second-factor check lower contexts need (users.update, e-mail and password changes, settings changes)
 * and the auth context provides (`TwoFactorService`): declared here so no lower context depends on auth.
 */
export abstract class SecondFactorCheck {
  /**
   * Passes, or throws `totp-required` / `totp-invalid`. `requireSecondFactor`: the action always needs one
   * (skipped neither in TEST_MODE nor for recently created users).
   */
  abstract check(caller: AuthUser, input: TwoFactorInput | undefined, requireSecondFactor: boolean): Promise<void>;
}
