import type { PwGetPolicyResetPayload } from '@app/contracts';
import { Feeds, Params, Static, Type } from '@app/validation';

/** pw.getPolicyReset: the token of a password-reset link. */
export const PwGetPolicyResetDto = Params({ token: Type.String() });
export type PwGetPolicyResetDto = Feeds<PwGetPolicyResetPayload, Static<typeof PwGetPolicyResetDto>>;
