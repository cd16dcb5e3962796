import { Injectable } from '@nestjs/common';
import { hashLoginToken } from '@app/auth';
import { PasswordPolicyResult } from '@app/contracts';
import { randomSecret } from '@app/database';
import { RcError } from '@app/envelope';
import { SettingsService } from '../../settings/settings.service';
import { UsersRepository } from '../users.repository';
import {
  assertPasswordMeetsPolicy,
  describePolicy,
  generatePassword,
  PASSWORD_POLICY_SETTINGS,
  PasswordPolicy,
  passwordPolicyFrom,
} from './password-policy';

/**
 * The password policy of the `Accounts_Password_Policy_*` settings: enforced on every password that is set
 * (registration, users.create, users.update, users.updateOwnBasicInfo), described by pw.getPolicy and, for the
 * holder of a reset link, pw.getPolicyReset.
 */
@Injectable()
export class PasswordPolicyService {
  constructor(
    private readonly settings: SettingsService,
    private readonly users: UsersRepository,
  ) {}

  async policy(): Promise<PasswordPolicy> {
    return passwordPolicyFrom(await this.settings.getMany(Object.values(PASSWORD_POLICY_SETTINGS)));
  }

  /** Throws `error-password-policy-not-met` (with the broken rules in `details`) unless the password passes. */
  async assert(password: unknown): Promise<void> {
    assertPasswordMeetsPolicy(await this.policy(), password);
  }

  /** A random password the policy accepts. */
  async generate(): Promise<string> {
    return generatePassword(await this.policy(), (n) => randomSecret(n));
  }

  /** pw.getPolicy */
  async describe(): Promise<PasswordPolicyResult> {
    return describePolicy(await this.policy());
  }

  /** pw.getPolicyReset: only for a live reset token (403 otherwise, as Rocket.Chat's `unauthorized()`). */
  async describeForResetToken(token: string): Promise<PasswordPolicyResult> {
    const holder = await this.users.exists({ 'services.password.reset.token': hashLoginToken(token) });
    if (!holder) {
      throw RcError.forbidden();
    }
    return this.describe();
  }
}
