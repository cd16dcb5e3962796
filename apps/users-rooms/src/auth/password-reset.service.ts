import { Injectable, Logger } from '@nestjs/common';
import { hashLoginToken } from '@app/auth';
import { ForgotPasswordPayload } from '@app/contracts';
import { randomSecret } from '@app/database';
import { RcError } from '@app/envelope';
import { SettingsService } from '../settings/settings.service';
import { MailService } from '../mail/mail.service';
import { UsersRepository } from '../users/users.repository';

/** `<Site_Url>/reset-password/<token>`, as Rocket.Chat's `Accounts.urls.resetPassword`. */
export function resetPasswordUrl(siteUrl: string, token: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/reset-password/${token}`;
}

/**
 * users.forgotPassword (Rocket.Chat's `sendForgotPasswordEmail`): always answers success, so the answer never
 * tells whether an address is known. For a known address a reset token is stored (only its SHA-256 hash, in
 * `services.password.reset`) and the reset e-mail goes on the mail queue.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly settings: SettingsService,
    private readonly mail: MailService,
  ) {}

  async forgotPassword(p: ForgotPasswordPayload): Promise<Record<string, never>> {
    if (!p.email) {
      throw RcError.plain("The 'email' param is required");
    }
    const email = p.email.trim().toLowerCase();
    const user = await this.users.findOne({ 'emails.address': email }, { _id: 1, name: 1, services: 1 });
    if (!user) {
      return {};
    }
    const hasPassword = !!user.services?.password?.bcrypt;
    const hasOtherServices = Object.keys(user.services ?? {}).some((k) => !['password', 'resume', 'email'].includes(k));
    if (
      !hasPassword &&
      hasOtherServices &&
      !(await this.settings.get<boolean>('Accounts_AllowPasswordChangeForOAuthUsers'))
    ) {
      return {};
    }
    const token = randomSecret();
    await this.users.updateOne(
      { _id: user._id },
      {
        $set: {
          'services.password.reset': { token: hashLoginToken(token), email, when: new Date(), reason: 'reset' },
          _updatedAt: new Date(),
        },
      },
    );
    try {
      const url = resetPasswordUrl(String((await this.settings.get<string>('Site_Url')) ?? ''), token);
      const content = await this.mail.render('Forgot_Password_Email_Subject', 'Forgot_Password_Email', {
        name: user.name ?? '',
        email,
        Forgot_Password_Url: url,
      });
      await this.mail.enqueue({ to: email, ...content });
    } catch (err) {
      // Rocket.Chat logs a failed send and still answers success
      this.logger.error(`reset e-mail for ${user._id} not queued: ${(err as Error).message}`);
    }
    return {};
  }
}
