import { Controller } from '@nestjs/common';
import { PwGetPolicyResetPayload, PwPattern } from '@app/contracts';
import { Handles } from '@app/transport';
import { PasswordPolicyService } from './password-policy.service';

/** pw.getPolicy, pw.getPolicyReset */
@Controller()
export class PasswordPolicyController {
  constructor(private readonly policy: PasswordPolicyService) {}

  @Handles(PwPattern.GetPolicy)
  getPolicy() {
    return this.policy.describe();
  }

  @Handles(PwPattern.GetPolicyReset)
  getPolicyReset(p: PwGetPolicyResetPayload) {
    return this.policy.describeForResetToken(p.token);
  }
}
