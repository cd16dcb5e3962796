/** pw.*: the password policy clients show before a password is typed. */
import type { CallerPayload } from '../common/types';
import { definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const PwPattern = definePatterns({
  GetPolicy: { pattern: 'pw.getPolicy', service: USERS_ROOMS_SERVICE },
  GetPolicyReset: { pattern: 'pw.getPolicyReset', service: USERS_ROOMS_SERVICE },
});

/** `[i18nKey, {limit}?]` per rule in force, as Rocket.Chat lists them. */
export interface PasswordPolicyResult {
  enabled: boolean;
  policy: [string, Record<string, number>?][];
}

/** pw.getPolicyReset: the reset token of a password-reset link (no login). */
export interface PwGetPolicyResetPayload {
  token: string;
}

declare module '../registry' {
  interface RcContract {
    [PwPattern.GetPolicy]: { payload: CallerPayload; result: PasswordPolicyResult };
    [PwPattern.GetPolicyReset]: { payload: PwGetPolicyResetPayload; result: PasswordPolicyResult };
  }
}
