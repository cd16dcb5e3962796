import { Injectable, Logger } from '@nestjs/common';
import { IUser, RegisterPayload, UserView } from '@app/contracts';
import { RcError } from '@app/envelope';
import { SettingsService } from '../../settings/settings.service';
import { LIMITED_USER_FIELDS, stripSecrets } from '../user-fields';
import { UsersService } from '../users.service';
import { UserEmailsService } from '../emails/user-emails.service';
import { PasswordPolicyService } from '../password-policy/password-policy.service';
import { UsernamesService } from '../usernames.service';
import { decideRegistration } from './registration.rules';
import { UsersRepository } from '../../users/users.repository';

const REGISTRATION_SETTINGS = [
  'Accounts_RegistrationForm',
  'Accounts_RegistrationForm_SecretURL',
  'Accounts_RequireNameForSignUp',
  'Accounts_ManuallyApproveNewUsers',
  'Accounts_EmailVerification',
  'Accounts_Registration_Users_Default_Roles',
  'Site_Url',
];

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
    private readonly emails: UserEmailsService,
    private readonly usernames: UsernamesService,
    private readonly passwordPolicy: PasswordPolicyService,
  ) {}

  async register(p: RegisterPayload): Promise<{ user: UserView }> {
    const s = await this.settings.getMany(REGISTRATION_SETTINGS);
    // a blocked name is refused with error-blocked-username, a taken one as unavailable
    if (!(await this.usernames.isAvailable(p.username))) {
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
      { name: p.name, secret: p.secret, reason: p.reason },
    );
    await this.passwordPolicy.assert(p.pass);
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
    if (Object.keys(extra).length) {
      await this.users.updateOne({ _id: created._id }, { $set: { ...extra, _updatedAt: new Date() } });
      user = (await this.users.findById(created._id)) ?? user;
    }
    if (decision.sendVerification) {
      try {
        await this.emails.sendVerification(created._id, decision.name, email);
      } catch (err) {
        // Rocket.Chat ignores a failed verification e-mail: the user exists and may ask again
        this.logger.error(`verification e-mail for ${created._id} not queued: ${(err as Error).message}`);
      }
    }
    return { user: anonymousView(user) };
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
