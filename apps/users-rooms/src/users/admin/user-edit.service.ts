import { Injectable } from '@nestjs/common';
import { sha256Hex } from '@app/auth';
import {
  AuthUser,
  IUser,
  UsersUpdateData,
  UsersUpdateOwnBasicInfoPayload,
  UsersUpdatePayload,
  UserView,
} from '@app/contracts';
import { RcError } from '@app/envelope';
import { AuthorizationService } from '../../authorization/authorization.service';
import { SettingsService } from '../../settings/settings.service';
import { LIMITED_USER_FIELDS, stripSecrets } from '../user-fields';
import { UsersService } from '../users.service';
import { ProfileWriterService, refusalError } from './profile-writer.service';
import {
  checkUserData,
  checkUserEditing,
  EditorRights,
  MAX_BIO_LENGTH,
  MAX_NICKNAME_LENGTH,
  passwordWillChange,
  ProfileSettings,
  USER_STATUSES,
  UserChanges,
} from './rules/user-edit-rules';
import { SecondFactorCheck } from '../../common/second-factor.port';
import { PasswordPolicyService } from '../password-policy/password-policy.service';
import { UserLifecycleService } from './user-lifecycle.service';
import { UserSessionsService } from '../user-sessions.service';
import { UsersRepository } from '../../users/users.repository';

type UserDoc = IUser & Record<string, unknown>;

const PROFILE_SETTINGS: (keyof ProfileSettings)[] = [
  'Accounts_AllowUserProfileChange',
  'Accounts_AllowUsernameChange',
  'Accounts_AllowUserStatusMessageChange',
  'Accounts_AllowRealNameChange',
  'Accounts_AllowEmailChange',
  'Accounts_AllowPasswordChange',
];

/** `null` in a nullable schema field means "not given". */
const given = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/**
 * users.update (an editor changes a user, Rocket.Chat's saveUser) and users.updateOwnBasicInfo (a user changes
 * their own profile, saveUserProfile). A new password ends sessions: all of them when an admin sets it, the
 * user's other login sessions when the user changes it.
 */
@Injectable()
export class UserEditService {
  constructor(
    private readonly users: UsersRepository,
    private readonly authorization: AuthorizationService,
    private readonly settings: SettingsService,
    private readonly usersService: UsersService,
    private readonly writer: ProfileWriterService,
    private readonly twoFactor: SecondFactorCheck,
    private readonly lifecycle: UserLifecycleService,
    private readonly sessions: UserSessionsService,
    private readonly passwordPolicy: PasswordPolicyService,
  ) {}

  private async rightsOf(caller: AuthUser): Promise<EditorRights> {
    const has = (p: string) => this.authorization.hasPermission(caller.roles, p);
    const [editOtherUserInfo, editOtherUserPassword, assignRoles, assignAdminRole] = await Promise.all([
      has('edit-other-user-info'),
      has('edit-other-user-password'),
      has('assign-roles'),
      has('assign-admin-role'),
    ]);
    return { editOtherUserInfo, editOtherUserPassword, assignRoles, assignAdminRole };
  }

  private async profileSettings(): Promise<ProfileSettings> {
    const s = await this.settings.getMany(PROFILE_SETTINGS);
    return Object.fromEntries(PROFILE_SETTINGS.map((k) => [k, s[k] !== false])) as unknown as ProfileSettings;
  }

  /** The user as the caller may see it: everything but secrets for `view-full-other-user-info` and oneself. */
  private async present(caller: AuthUser, userId: string): Promise<UserView> {
    const user = await this.users.findById(userId);
    if (!user) {
      throw RcError.plain('User not found');
    }
    const out = stripSecrets(user);
    if (caller._id !== userId && !(await this.authorization.hasPermission(caller.roles, 'view-full-other-user-info'))) {
      for (const f of LIMITED_USER_FIELDS) {
        delete out[f];
      }
    }
    return out;
  }

  /** users.update */
  async update(p: UsersUpdatePayload): Promise<{ user: UserView }> {
    await this.twoFactor.check(p.caller, p.twoFactor, false);
    const data: UsersUpdateData = p.data ?? {};
    const rights = await this.rightsOf(p.caller);
    const changes: UserChanges = {
      username: given(data.username),
      name: given(data.name),
      statusText: given(data.statusText),
      email: given(data.email),
      password: given(data.password),
      roles: given(data.roles),
      verified: given(data.verified),
    };
    const existingRoles = await this.authorization.roleIds();
    const pattern = await this.settings.string('UTF8_User_Names_Validation', '[0-9a-zA-Z-_.]+');
    const dataRefusal = checkUserData(p.caller._id, p.userId, changes, rights, existingRoles, pattern);
    if (dataRefusal) {
      throw refusalError(dataRefusal);
    }
    const target = await this.users.findById<UserDoc>(p.userId);
    if (!target) {
      throw RcError.plain('User not found');
    }
    let requirePasswordChange = given(data.requirePasswordChange);
    if (data.setRandomPassword) {
      changes.password = await this.passwordPolicy.generate();
      requirePasswordChange = true;
    }
    const editRefusal = checkUserEditing(p.caller._id, target, changes, rights, await this.profileSettings());
    if (editRefusal) {
      throw refusalError(editRefusal);
    }
    const newPassword = passwordWillChange(changes.password, rights) ? changes.password!.trim() : undefined;
    if (newPassword) {
      // checked before anything is written, so a refused password changes nothing
      await this.passwordPolicy.assert(newPassword);
    }

    if (changes.username !== undefined || changes.name !== undefined) {
      if (!(await this.writer.saveIdentity(target, changes.username, changes.name))) {
        throw RcError.failure('error-could-not-save-identity', 'Could not save user identity', { method: 'saveUser' });
      }
    }
    if (typeof changes.statusText === 'string') {
      await this.writer.setStatusText(target._id, changes.statusText);
    }
    if (changes.email) {
      await this.writer.setEmail(target, changes.email, changes.verified === true, !rights.editOtherUserInfo);
    }
    const set: Record<string, unknown> = {};
    const unset: Record<string, 1> = {};
    if (newPassword) {
      set['services.password.bcrypt'] = await this.usersService.hashPassword(newPassword);
    }
    const bio = given(data.bio);
    if (bio !== undefined) {
      if (bio.trim()) {
        if (bio.length > MAX_BIO_LENGTH) {
          throw RcError.failure('error-bio-size-exceeded', `Bio size exceeds ${MAX_BIO_LENGTH} characters`, {
            method: 'saveUserProfile',
          });
        }
        set.bio = bio;
      } else {
        unset.bio = 1;
      }
    }
    const nickname = given(data.nickname);
    if (nickname !== undefined) {
      if (nickname.trim()) {
        if (nickname.length > MAX_NICKNAME_LENGTH) {
          throw RcError.failure(
            'error-nickname-size-exceeded',
            `Nickname size exceeds ${MAX_NICKNAME_LENGTH} characters`,
            { method: 'saveUserProfile' },
          );
        }
        set.nickname = nickname;
      } else {
        unset.nickname = 1;
      }
    }
    if (changes.roles) {
      set.roles = changes.roles;
    }
    if (requirePasswordChange !== undefined) {
      set.requirePasswordChange = requirePasswordChange;
      if (!requirePasswordChange) {
        unset.requirePasswordChangeReason = 1;
      }
    }
    if (typeof changes.verified === 'boolean' && !changes.email && target.emails?.length) {
      set['emails.0.verified'] = changes.verified;
    }
    set._updatedAt = new Date();
    await this.users.updateOne(
      { _id: target._id },
      { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}) },
    );
    const customFields = given(data.customFields);
    if (customFields) {
      await this.writer.saveCustomFields(target._id, customFields);
    }
    if (newPassword) {
      // Rocket.Chat's setPasswordUpdater logs the user out everywhere (personal access tokens included)
      await this.sessions.endAllSessions(target._id);
    } else {
      await this.writer.changed(target._id);
    }
    const active = given(data.active);
    if (active !== undefined) {
      await this.lifecycle.setActiveStatusMethod(p.caller, target._id, active, !!p.confirmRelinquish);
    }
    return { user: await this.present(p.caller, target._id) };
  }

  /** users.updateOwnBasicInfo */
  async updateOwnBasicInfo(p: UsersUpdateOwnBasicInfoPayload): Promise<{ user: UserView }> {
    const d = p.data ?? {};
    const email = given(d.email);
    const newPassword = given(d.newPassword);
    const currentPassword = given(d.currentPassword);
    if (email || newPassword) {
      await this.twoFactor.check(p.caller, currentPassword ? { code: currentPassword, method: 'password' } : {}, true);
    }
    const settings = await this.profileSettings();
    if (!settings.Accounts_AllowUserProfileChange) {
      throw RcError.failure('error-not-allowed', 'Not allowed', { method: 'saveUserProfile' });
    }
    const user = await this.users.findById<UserDoc>(p.caller._id);
    if (!user) {
      throw RcError.failure('error-invalid-user', 'Invalid user', { method: 'saveUserProfile' });
    }
    const rights = await this.rightsOf(p.caller);
    const name = given(d.name);
    const username = given(d.username);
    const statusText = given(d.statusText);
    const refusal = checkUserEditing(
      user._id,
      user,
      { email, username, name, password: newPassword, statusText },
      rights,
      settings,
    );
    if (refusal) {
      throw refusalError(refusal);
    }
    if (newPassword && settings.Accounts_AllowPasswordChange && user.services?.password?.bcrypt) {
      // checked before anything is written, so a refused password changes nothing
      await this.passwordPolicy.assert(newPassword);
    }
    if (name || username) {
      if (!(await this.writer.saveIdentity(user, username, name))) {
        throw RcError.failure('error-could-not-save-identity', 'Could not save user identity', {
          method: 'saveUserProfile',
        });
      }
    }
    if (statusText !== undefined) {
      await this.writer.setStatusText(user._id, statusText);
    }
    const statusType = given(d.statusType);
    if (statusType) {
      await this.setStatus(user._id, statusType);
    }
    const set: Record<string, unknown> = {};
    const bio = given(d.bio);
    if (bio !== undefined) {
      if (bio.length > MAX_BIO_LENGTH) {
        throw RcError.failure('error-bio-size-exceeded', `Bio size exceeds ${MAX_BIO_LENGTH} characters`, {
          method: 'saveUserProfile',
        });
      }
      set.bio = bio.trim();
    }
    const nickname = given(d.nickname);
    if (nickname) {
      if (nickname.length > MAX_NICKNAME_LENGTH) {
        throw RcError.failure(
          'error-nickname-size-exceeded',
          `Nickname size exceeds ${MAX_NICKNAME_LENGTH} characters`,
          {
            method: 'saveUserProfile',
          },
        );
      }
      set.nickname = nickname.trim();
    }
    if (Object.keys(set).length) {
      await this.users.updateOne({ _id: user._id }, { $set: set });
    }
    if (email) {
      if (!settings.Accounts_AllowEmailChange) {
        throw RcError.failure('error-action-not-allowed', 'Changing email is not allowed', {
          method: 'setEmail',
          action: 'Changing_email',
        });
      }
      await this.writer.setEmail(user, email, false, !rights.editOtherUserInfo);
    }
    const passwordChanged = await this.changeOwnPassword(p.caller, user, newPassword, settings);
    await this.users.updateOne({ _id: user._id }, { $set: { 'settings.profile': {}, _updatedAt: new Date() } });
    const customFields = given(p.customFields);
    if (customFields && Object.keys(customFields).length) {
      await this.writer.saveCustomFields(user._id, customFields);
    }
    if (passwordChanged) {
      await this.sessions.endOtherSessions(user._id, p.caller.hashedToken);
    } else {
      await this.writer.changed(user._id);
    }
    return { user: await this.present(p.caller, user._id) };
  }

  /** The new password replaces the old one; the user's other login sessions end, this one stays. */
  private async changeOwnPassword(
    caller: AuthUser,
    user: UserDoc,
    newPassword: string | undefined,
    settings: ProfileSettings,
  ): Promise<boolean> {
    // only accounts with a password can change it here (OAuth-only accounts have none to replace)
    const hash = user.services?.password?.bcrypt;
    if (!newPassword || !settings.Accounts_AllowPasswordChange || !hash) {
      return false;
    }
    if (await this.usersService.checkPassword(sha256Hex(newPassword), hash)) {
      throw RcError.failure('error-password-same-as-current', 'Entered password same as current password', {
        method: 'saveUserProfile',
      });
    }
    await this.users.updateOne(
      { _id: caller._id },
      { $set: { 'services.password.bcrypt': await this.usersService.hashPassword(newPassword) } },
    );
    return true;
  }

  /** statusType: online, away, busy, or offline ("invisible", if `Accounts_AllowInvisibleStatusOption`). */
  private async setStatus(userId: string, status: string): Promise<void> {
    if (!(USER_STATUSES as readonly string[]).includes(status)) {
      throw RcError.failure('error-invalid-status', 'Valid status types include online, away, offline, and busy.', {
        method: 'setUserStatus',
      });
    }
    if (status === 'offline' && !(await this.settings.get<boolean>('Accounts_AllowInvisibleStatusOption'))) {
      throw RcError.failure('error-status-not-allowed', 'Invisible status is disabled', { method: 'setUserStatus' });
    }
    await this.users.updateOne({ _id: userId }, { $set: { status, statusDefault: status } });
  }
}
