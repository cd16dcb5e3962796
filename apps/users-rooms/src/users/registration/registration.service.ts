import { Injectable, Logger } from '@nestjs/common';
import { hashLoginToken } from '@app/auth';
import { IUser, RegisterPayload, UserView } from '@app/contracts';
import { randomSecret } from '@app/database';
import { RcError } from '@app/envelope';
import { exactInsensitive } from '../../common/regex';
import { SettingsService } from '../../settings/settings.service';
import { LIMITED_USER_FIELDS, stripSecrets } from '../user-fields';
import { UsersService } from '../users.service';
import { MailService } from '../../mail/mail.service';
import { decideRegistration, isBlockedUsername } from './registration.rules';
import { UsersRepository } from '../../users/users.repository';

const REGISTRATION_SETTINGS = [
  'Accounts_RegistrationForm',
  'Accounts_RegistrationForm_SecretURL',
  'Accounts_RequireNameForSignUp',
  'Accounts_ManuallyApproveNewUsers',
  'Accounts_EmailVerification',
  'Accounts_Registration_Users_Default_Roles',
  'Accounts_BlockedUsernameList',
  'Accounts_SystemBlockedUsernameList',
  'Site_Url',
];

/** `<Site_Url>/verify-email/<token>` (Meteor's `Accounts.urls.verifyEmail` without the hash). */
export function verifyEmailUrl(siteUrl: string, token: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/verify-email/${token}`;
}

/**
 * users.register (Rocket.Chat's route + `registerUser` method): the registration settings decide whether and
 * how a visitor becomes a user; the user is created by UsersService (username rules, uniqueness, default
 * roles and channels) and answered with the fields an anonymous caller may see.
 */
@Injectable()
export class RegistrationService {
  private readonly logger = new Logger(RegistrationService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly settings: SettingsService,
    private readonly mail: MailService,
  ) {}

  async register(p: RegisterPayload): Promise<{ user: UserView }> {
    if (p.caller) {
      throw RcError.plain('Logged in users can not register again.');
    }
    const s = await this.settings.getMany(REGISTRATION_SETTINGS);
    if (
      isBlockedUsername(
        p.username,
        s.Accounts_BlockedUsernameList as string,
        s.Accounts_SystemBlockedUsernameList as string,
      ) ||
      (await this.users.exists({ username: exactInsensitive(p.username) }))
    ) {
      throw RcError.plain('Username is already in use');
    }
    const decision = decideRegistration(
      {
        form: asString(s.Accounts_RegistrationForm, 'Public'),
        secretUrl: asString(s.Accounts_RegistrationForm_SecretURL),
        requireName: s.Accounts_RequireNameForSignUp !== false,
        manuallyApprove: s.Accounts_ManuallyApproveNewUsers === true,
        emailVerification: s.Accounts_EmailVerification === true,
      },
      { pass: p.pass, name: p.name, secret: p.secret, reason: p.reason },
    );
    const email = p.email.trim().toLowerCase();
    if (email && (await this.users.exists({ 'emails.address': email }))) {
      throw RcError.failure('403', 'Email already exists.');
    }
    const roles = asString(s.Accounts_Registration_Users_Default_Roles, 'user')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    const created = await this.usersService.insert({
      username: p.username,
      name: decision.name,
      email,
      password: p.pass,
      roles,
      active: decision.active,
      verified: false,
      joinDefaultChannels: true,
    });
    let user: IUser = created;
    const extra: Record<string, unknown> = {};
    if (decision.reason) {
      extra.reason = decision.reason;
    }
    let verificationToken: string | undefined;
    if (decision.sendVerification) {
      verificationToken = randomSecret();
      extra['services.email.verificationTokens'] = [
        { token: hashLoginToken(verificationToken), address: email, when: new Date() },
      ];
    }
    if (Object.keys(extra).length) {
      await this.users.updateOne({ _id: created._id }, { $set: { ...extra, _updatedAt: new Date() } });
      user = (await this.users.findById(created._id)) ?? user;
    }
    if (verificationToken) {
      await this.queueVerification(created._id, decision.name, email, asString(s.Site_Url), verificationToken);
    }
    return { user: anonymousView(user) };
  }

  private async queueVerification(
    userId: string,
    name: string,
    email: string,
    siteUrl: string,
    token: string,
  ): Promise<void> {
    try {
      const content = await this.mail.render('Verification_Email_Subject', 'Verification_Email', {
        name,
        email,
        Verification_Url: verifyEmailUrl(siteUrl, token),
      });
      await this.mail.enqueue({ to: email, ...content });
    } catch (err) {
      // Rocket.Chat ignores a failed verification e-mail: the user exists and may ask again
      this.logger.error(`verification e-mail for ${userId} not queued: ${(err as Error).message}`);
    }
  }
}

/** A string setting's value, or `fallback` when it is missing or not a string. */
const asString = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/** The user as users.register answers it: what a caller without `view-full-other-user-info` may see. */
function anonymousView(user: IUser): UserView {
  const out = stripSecrets(user);
  for (const f of LIMITED_USER_FIELDS) {
    delete out[f];
  }
  return out;
}
