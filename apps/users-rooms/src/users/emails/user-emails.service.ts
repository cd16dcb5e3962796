import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { hashLoginToken } from '@app/auth';
import { AuthUser, UsersEmailPayload } from '@app/contracts';
import { randomSecret } from '@app/database';
import { RcError } from '@app/envelope';
import { MailService } from '../../mail/mail.service';
import { SettingActions } from '../../settings/setting-actions';
import { SettingsService } from '../../settings/settings.service';
import { UsersRepository } from '../users.repository';

/** `<Site_Url>/verify-email/<token>` (Meteor's `Accounts.urls.verifyEmail` without the hash). */
export function verifyEmailUrl(siteUrl: string, token: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/verify-email/${token}`;
}

/**
 * The e-mails sent about an account: address verification (registration, users.sendConfirmationEmail), the
 * welcome message (users.create `sendWelcomeEmail`, users.sendWelcomeEmail) and the SMTP test of the
 * `SMTP_Test_Button` setting. Each goes on the mail queue; SMTP failures are the queue's to retry.
 */
@Injectable()
export class UserEmailsService implements OnModuleInit {
  private readonly logger = new Logger(UserEmailsService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly mail: MailService,
    private readonly settings: SettingsService,
    private readonly actions: SettingActions,
  ) {}

  onModuleInit(): void {
    this.actions.register('sendSMTPTestEmail', (caller) => this.sendSmtpTest(caller));
  }

  /** A new verification token for the address (only its hash is stored) and the e-mail with its link. */
  async sendVerification(userId: string, name: string, email: string): Promise<void> {
    const token = randomSecret();
    await this.users.updateOne(
      { _id: userId },
      {
        $push: {
          'services.email.verificationTokens': { token: hashLoginToken(token), address: email, when: new Date() },
        },
      },
    );
    const siteUrl = await this.settings.string('Site_Url', '');
    const content = await this.mail.render('Verification_Email_Subject', 'Verification_Email', {
      name,
      email,
      Verification_Url: verifyEmailUrl(siteUrl, token),
    });
    await this.mail.enqueue({ to: email, ...content });
  }

  /** The `Accounts_UserAddedEmail_*` welcome message. */
  async sendWelcome(email: string, name: string): Promise<void> {
    const content = await this.mail.render('Accounts_UserAddedEmail_Subject', 'Accounts_UserAddedEmail_Email', {
      name,
      email,
    });
    await this.mail.enqueue({ to: email, ...content });
  }

  /**
   * users.sendConfirmationEmail: a verification e-mail to the user who owns the address. Rocket.Chat answers a
   * failure without a message when no user has it (here with the empty `error` every failure carries).
   */
  async sendConfirmationEmail(p: UsersEmailPayload): Promise<Record<string, never>> {
    const email = p.email.trim().toLowerCase();
    const user = email ? await this.users.findByEmail(email, { _id: 1, name: 1 }) : null;
    if (!user) {
      throw RcError.plain('');
    }
    await this.queue(() => this.sendVerification(user._id, user.name ?? '', email));
    return {};
  }

  /** users.sendWelcomeEmail (the route asks `send-mail`): only to an address a user has. */
  async sendWelcomeEmail(p: UsersEmailPayload): Promise<Record<string, never>> {
    const email = p.email.trim().toLowerCase();
    const user = email ? await this.users.findByEmail(email, { _id: 1, name: 1 }) : null;
    if (!user) {
      throw RcError.failure('error-invalid-user', 'Invalid user', { method: 'sendWelcomeEmail' });
    }
    await this.queue(() => this.sendWelcome(email, user.name ?? ''));
    return {};
  }

  /** The SMTP test of the `SMTP_Test_Button` setting: a short message to the caller's first address. */
  private async sendSmtpTest(caller: AuthUser): Promise<void> {
    const user = await this.users.findById(caller._id, { emails: 1 });
    const address = user?.emails?.[0]?.address;
    if (!address) {
      throw RcError.failure('error-invalid-email', 'Invalid email', { method: 'sendSMTPTestEmail' });
    }
    await this.queue(() =>
      this.mail.enqueue({
        to: address,
        subject: 'SMTP Test Email',
        html: '<p>You have successfully sent an email</p>',
        text: 'You have successfully sent an email',
      }),
    );
  }

  /** Queuing fails only when Redis does: Rocket.Chat's `error-email-send-failed`. */
  private async queue(send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
    } catch (err) {
      if (err instanceof RcError) {
        throw err;
      }
      this.logger.error(`e-mail not queued: ${(err as Error).message}`);
      throw RcError.failure('error-email-send-failed', `Error trying to send email: ${(err as Error).message}`);
    }
  }
}
