import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import * as bcrypt from 'bcrypt';
import { FilterQuery } from 'mongoose';
import { sha256Hex } from '@app/auth';
import { APP_ENV, UsersRoomsEnv } from '@app/config';
import {
  AuthUser,
  IUser,
  UserRoomView,
  ListPayload,
  NewUserFields,
  Paged,
  RcEvent,
  UsersCreatePayload,
  UsersInfoPayload,
  UserView,
} from '@app/contracts';
import { isDuplicateKey, randomId } from '@app/database';
import { Errors, RcError } from '@app/envelope';
import { parseQuery, parseSort, reviveQuery } from '@app/paging';
import { EventBus } from '@app/transport';
import { AuthorizationService } from '../authorization/authorization.service';
import { matchesNamePattern } from '../common/regex';
import { DEFAULT_PREFERENCE_IDS, DEFAULT_PREFERENCE_PREFIX } from '../settings/data/default-settings';
import { SettingsService } from '../settings/settings.service';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UserEmailsService } from './emails/user-emails.service';
import { PasswordPolicyService } from './password-policy/password-policy.service';
import { defaultPreferences } from './profile/preferences';
import { UserCreatedEvent, UserEvents } from './user-events';
import { UsernamesService } from './usernames.service';
import { UsersRepository } from './users.repository';
import {
  LIMITED_USER_FIELDS,
  maskedServices,
  PUBLIC_USER_FIELDS,
  stripSecrets,
  USERS_LIST_DEFAULT_FIELDS,
  USERS_LIST_QUERY_FIELDS_LIMITED,
} from './user-fields';

/** A user to store: users.create's fields (email and password optional), the roles decided, and the kind. */
export type NewUser = Pick<NewUserFields, 'username' | 'name'> &
  Partial<Omit<NewUserFields, 'username' | 'name' | 'roles'>> & { roles: string[]; type?: string; _id?: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface InsertOptions {
  /**
   * A user created through the API (users.create, users.register): blocked names are refused and the password
   * must meet the policy. The first admin and bots are created without these rules, as Rocket.Chat does.
   */
  viaApi?: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly subscriptions: SubscriptionsRepository,
    @Inject(APP_ENV) private readonly env: UsersRoomsEnv,
    private readonly settings: SettingsService,
    private readonly authorization: AuthorizationService,
    private readonly events: EventBus,
    private readonly hooks: EventEmitter2,
    private readonly usernames: UsernamesService,
    private readonly passwordPolicy: PasswordPolicyService,
    private readonly emails: UserEmailsService,
  ) {}

  /** Rocket.Chat stores bcrypt(sha256hex(password)). */
  hashPassword(plain: string): Promise<string> {
    return bcrypt.hash(sha256Hex(plain), this.env.BCRYPT_ROUNDS);
  }

  async checkPassword(digest: string, hash: string | undefined): Promise<boolean> {
    return !!hash && bcrypt.compare(digest, hash);
  }

  /** users.create */
  async create(p: UsersCreatePayload): Promise<{ user: UserView }> {
    if (!(await this.authorization.hasPermission(p.caller.roles, 'create-user'))) {
      throw RcError.failure('error-action-not-allowed', 'Adding user is not allowed', {
        method: 'insertOrUpdateUser',
        action: 'Adding_user',
      });
    }
    const defaultRoles = String(
      (await this.settings.get<string>('Accounts_Registration_Users_Default_Roles')) ?? 'user',
    )
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    const roles = p.roles?.length ? p.roles : defaultRoles;
    for (const role of roles) {
      if (!(await this.authorization.roleExists(role))) {
        throw RcError.failure('error-action-not-allowed', 'Invalid role', {
          method: 'insertOrUpdateUser',
          action: 'Assign_role',
        });
      }
    }
    if (roles.includes('admin') && !(await this.authorization.hasPermission(p.caller.roles, 'assign-admin-role'))) {
      throw RcError.failure('error-action-not-allowed', 'Assigning admin is not allowed', {
        method: 'insertOrUpdateUser',
        action: 'Assign_admin',
      });
    }
    const { caller: _caller, setRandomPassword, ...fields } = p;
    const user = await this.insert(
      {
        ...fields,
        // Rocket.Chat's setRandomPassword: a password the policy accepts, to be changed at the next login
        ...(setRandomPassword ? { password: await this.passwordPolicy.generate(), requirePasswordChange: true } : {}),
        roles,
        active: p.active ?? true,
        verified: p.verified ?? false,
        joinDefaultChannels: p.joinDefaultChannels ?? true,
      },
      { viaApi: true },
    );
    if (p.sendWelcomeEmail && p.email) {
      await this.emails.sendWelcome(p.email.toLowerCase(), p.name).catch((err: Error) => {
        throw RcError.failure('error-email-send-failed', `Error trying to send email: ${err.message}`, {
          function: 'RocketChat.saveUser',
          message: err.message,
        });
      });
    }
    return { user: stripSecrets(user) };
  }

  /** Validates and stores a new user (users.create, users.register and the first admin). */
  async insert(u: NewUser, options: InsertOptions = {}): Promise<IUser> {
    const pattern = await this.settings.string('UTF8_User_Names_Validation', '[0-9a-zA-Z-_.]+');
    if (!u.username || !matchesNamePattern(u.username, pattern)) {
      throw RcError.failure('error-input-is-not-a-valid-field', `${u.username} is not a valid username`, {
        method: 'insertOrUpdateUser',
        input: u.username,
        field: 'Username',
      });
    }
    if (options.viaApi) {
      await this.usernames.assertNotBlocked(u.username);
    }
    if (u.email !== undefined && !EMAIL.test(u.email)) {
      throw RcError.failure('error-invalid-email', `Invalid email ${u.email}`, {
        method: 'insertOrUpdateUser',
        email: u.email,
      });
    }
    if (await this.users.usernameTaken(u.username)) {
      throw Errors.fieldUnavailable(u.username);
    }
    if (u.email && (await this.users.emailTaken(u.email))) {
      throw Errors.fieldUnavailable(u.email);
    }
    if (options.viaApi && u.password !== undefined) {
      await this.passwordPolicy.assert(u.password);
    }
    const now = new Date();
    const doc: IUser = {
      _id: u._id ?? randomId(),
      createdAt: now,
      _updatedAt: now,
      username: u.username,
      name: u.name,
      type: u.type ?? 'user',
      active: u.active ?? true,
      roles: u.roles,
      status: 'offline',
      statusConnection: 'offline',
      utcOffset: 0,
      ...(u.email ? { emails: [{ address: u.email.toLowerCase(), verified: u.verified ?? false }] } : {}),
      ...(u.bio ? { bio: u.bio } : {}),
      ...(u.nickname ? { nickname: u.nickname } : {}),
      ...(u.statusText ? { statusText: u.statusText } : {}),
      ...(u.requirePasswordChange ? { requirePasswordChange: true } : {}),
      ...(u.customFields ? { customFields: u.customFields } : {}),
      services: {
        ...(u.password ? { password: { bcrypt: await this.hashPassword(u.password) } } : {}),
        resume: { loginTokens: [] },
      },
      settings: {},
    };
    try {
      await this.users.insert(doc);
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw Errors.fieldUnavailable(u.username);
      }
      throw err;
    }
    const created: UserCreatedEvent = {
      user: { _id: doc._id, username: u.username, name: u.name, roles: u.roles },
      joinDefaultChannels: !!u.joinDefaultChannels,
    };
    await this.hooks.emitAsync(UserEvents.Created, created);
    await this.events.publish(RcEvent.UserChanged, { userId: doc._id });
    return (await this.users.findById(doc._id)) as IUser;
  }

  private async canSeeFull(caller: AuthUser, targetId?: string): Promise<boolean> {
    return caller._id === targetId || this.authorization.hasPermission(caller.roles, 'view-full-other-user-info');
  }

  /** users.info */
  async info(p: UsersInfoPayload): Promise<{ user: UserView }> {
    const username = p.username ?? p.user;
    if (!p.userId && !username) {
      throw Errors.userParamNotProvided();
    }
    const found = p.userId ? await this.users.findById(p.userId) : await this.users.findByUsername(username!);
    if (!found) {
      throw RcError.plain('User not found.');
    }
    const full = await this.canSeeFull(p.caller, found._id);
    let user: UserView;
    if (full) {
      user = stripSecrets(found);
      if (found._id === p.caller._id) {
        // oneself: which services the account has, every secret masked (Rocket.Chat's getFullUserData)
        user.services = maskedServices(found.services);
      }
    } else {
      const visible: Record<string, unknown> = { _id: found._id };
      for (const k of Object.keys(PUBLIC_USER_FIELDS) as (keyof IUser)[]) {
        if (found[k] !== undefined) {
          visible[k] = found[k];
        }
      }
      user = visible as UserView;
    }
    const wantsRooms = p.includeUserRooms || p.fields?.userRooms === 1;
    if (
      wantsRooms &&
      (p.caller._id === found._id ||
        (await this.authorization.hasPermission(p.caller.roles, 'view-other-user-channels')))
    ) {
      user.rooms = await this.roomsOf(found._id);
    }
    return { user };
  }

  /** The user's rooms for users.info's `rooms`. */
  private async roomsOf(userId: string): Promise<UserRoomView[]> {
    const subs = await this.subscriptions.find(
      { 'u._id': userId },
      { projection: { rid: 1, name: 1, t: 1, roles: 1, unread: 1 } },
    );
    return subs.map((s) => ({ _id: s._id, rid: s.rid, name: s.name, t: s.t, roles: s.roles ?? [], unread: s.unread }));
  }

  /** users.list */
  async list(p: ListPayload): Promise<Paged<'users', UserView>> {
    if (!(await this.authorization.hasPermission(p.caller.roles, 'view-d-room'))) {
      throw RcError.forbidden();
    }
    const full = await this.authorization.hasPermission(p.caller.roles, 'view-full-other-user-info');
    if (!full) {
      // callers who may not see e-mails, roles, logins... may not filter or sort by them either
      parseQuery(p.page.query, { queryFields: USERS_LIST_QUERY_FIELDS_LIMITED });
      parseSort(p.page.sort, { hiddenFields: LIMITED_USER_FIELDS });
    }
    const projection: Record<string, 0 | 1> = { ...USERS_LIST_DEFAULT_FIELDS };
    if (!full) {
      for (const f of LIMITED_USER_FIELDS) {
        delete projection[f];
      }
    }
    for (const [k, v] of Object.entries(p.page.fields ?? {})) {
      if (!full && (LIMITED_USER_FIELDS as readonly string[]).includes(k.split('.')[0])) {
        continue;
      }
      if (k === 'services' || k.startsWith('services.')) {
        continue;
      }
      if (v === 1) {
        projection[k] = 1;
      } else {
        delete projection[k];
      }
    }
    if (!Object.keys(projection).length) {
      projection._id = 1;
    }
    const filter = p.page.query ? (reviveQuery(p.page.query) as FilterQuery<IUser>) : {};
    const [users, total] = await Promise.all([
      this.users.find<UserView>(filter, {
        projection,
        sort: p.page.sort ?? { username: 1 },
        skip: p.page.offset,
        limit: p.page.count,
      }),
      this.users.count(filter),
    ]);
    return { users, count: users.length, offset: p.page.offset, total };
  }

  /** The logged-in user as `/me` and login's `me` show it. */
  async me(userId: string): Promise<UserView> {
    const user = await this.users.findById(userId);
    if (!user) {
      throw Errors.invalidUser();
    }
    const siteUrl = (await this.settings.string('Site_Url', '')).replace(/\/$/, '');
    const verified = user.emails?.find((e) => e.verified);
    const services = user.services ?? {};
    const defaults = defaultPreferences(await this.settings.getMany(DEFAULT_PREFERENCE_IDS), DEFAULT_PREFERENCE_PREFIX);
    const out: UserView = {
      ...stripSecrets(user),
      settings: {
        // every preference, the default of `Accounts_Default_User_Preferences_<key>` where the user chose none
        preferences: { ...defaults, ...(user.settings?.preferences ?? {}) },
        ...(user.settings?.profile ? { profile: user.settings.profile } : {}),
      },
      customFields: user.customFields ?? {},
      avatarUrl: `${siteUrl}/avatar/${user.username}`,
      services: {
        password: { exists: !!services.password?.bcrypt },
        totp: { enabled: !!services.totp?.enabled },
        email2fa: { enabled: !!services.email2fa?.enabled },
      },
    };
    if (verified) {
      out.email = verified.address;
    }
    return out;
  }
}
