import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import * as bcrypt from 'bcrypt';
import { FilterQuery, Model } from 'mongoose';
import { sha256Hex } from '@app/auth';
import { APP_ENV, UsersRoomsEnv } from '@app/config';
import { AuthUser, Doc, ListPayload, RcEvent, UsersCreatePayload, UsersInfoPayload } from '@app/contracts';
import { randomId } from '@app/database';
import { RcError } from '@app/envelope';
import { parseQuery, parseSort, reviveQuery } from '@app/paging';
import { EventBus } from '@app/transport';
import { AuthorizationService } from '../authorization/authorization.service';
import { exactInsensitive, matchesNamePattern } from '../common/regex';
import { RoomsService } from '../rooms/rooms.service';
import { SettingsService } from '../settings/settings.service';
import { User } from './schemas/user.schema';
import {
  LIMITED_USER_FIELDS,
  PUBLIC_USER_FIELDS,
  stripSecrets,
  USERS_LIST_DEFAULT_FIELDS,
  USERS_LIST_QUERY_FIELDS_LIMITED,
} from './user-fields';

export interface NewUser {
  username: string;
  name: string;
  email?: string;
  password?: string;
  roles: string[];
  active?: boolean;
  verified?: boolean;
  type?: string;
  bio?: string;
  nickname?: string;
  statusText?: string;
  requirePasswordChange?: boolean;
  customFields?: Record<string, unknown>;
  joinDefaultChannels?: boolean;
  _id?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

@Injectable()
export class UsersService {
  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    @Inject(APP_ENV) private readonly env: UsersRoomsEnv,
    private readonly settings: SettingsService,
    private readonly authorization: AuthorizationService,
    private readonly rooms: RoomsService,
    private readonly events: EventBus,
  ) {}

  /** Rocket.Chat stores bcrypt(sha256hex(password)). */
  hashPassword(plain: string): Promise<string> {
    return bcrypt.hash(sha256Hex(plain), this.env.BCRYPT_ROUNDS);
  }

  async checkPassword(digest: string, hash: string | undefined): Promise<boolean> {
    return !!hash && bcrypt.compare(digest, hash);
  }

  /** users.create */
  async create(p: UsersCreatePayload): Promise<{ user: Doc }> {
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
    const user = await this.insert({
      username: p.username,
      name: p.name,
      email: p.email,
      password: p.password,
      roles,
      active: p.active ?? true,
      verified: p.verified ?? false,
      bio: p.bio,
      nickname: p.nickname,
      statusText: p.statusText,
      requirePasswordChange: p.requirePasswordChange,
      customFields: p.customFields,
      joinDefaultChannels: p.joinDefaultChannels ?? true,
    });
    return { user: stripSecrets(user as unknown as Record<string, unknown>) };
  }

  /** Validates and stores a new user (users.create and the first admin). */
  async insert(u: NewUser): Promise<User> {
    const pattern = await this.settings.get<string>('UTF8_User_Names_Validation');
    if (!u.username || !matchesNamePattern(u.username, pattern)) {
      throw RcError.failure('error-input-is-not-a-valid-field', `${u.username} is not a valid username`, {
        method: 'insertOrUpdateUser',
        input: u.username,
        field: 'Username',
      });
    }
    if (u.email !== undefined && !EMAIL.test(u.email)) {
      throw RcError.failure('error-invalid-email', `Invalid email ${u.email}`, {
        method: 'insertOrUpdateUser',
        email: u.email,
      });
    }
    if (await this.users.exists({ username: exactInsensitive(u.username) })) {
      throw RcError.failure('error-field-unavailable', `${u.username} is already in use :(`, {
        method: 'insertOrUpdateUser',
        field: u.username,
      });
    }
    // addresses are stored lower-case, so an exact match is case-insensitive and can use the index
    if (u.email && (await this.users.exists({ 'emails.address': u.email.toLowerCase() }))) {
      throw RcError.failure('error-field-unavailable', `${u.email} is already in use :(`, {
        method: 'insertOrUpdateUser',
        field: u.email,
      });
    }
    const now = new Date();
    const doc: Partial<User> & Record<string, unknown> = {
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
      await this.users.create(doc);
    } catch (err) {
      if ((err as { code?: number }).code === 11000) {
        throw RcError.failure('error-field-unavailable', `${u.username} is already in use :(`, {
          method: 'insertOrUpdateUser',
          field: u.username,
        });
      }
      throw err;
    }
    if (u.joinDefaultChannels) {
      await this.rooms.joinDefaultChannels({ _id: doc._id!, username: u.username, name: u.name, roles: u.roles });
    }
    await this.events.publish(RcEvent.UserChanged, { userId: doc._id! });
    return (await this.users.findById(doc._id).lean()) as User;
  }

  private async canSeeFull(caller: AuthUser, targetId?: string): Promise<boolean> {
    return caller._id === targetId || this.authorization.hasPermission(caller.roles, 'view-full-other-user-info');
  }

  /** users.info */
  async info(p: UsersInfoPayload): Promise<{ user: Doc }> {
    if (!p.userId && !p.username) {
      throw RcError.failure(
        'error-user-param-not-provided',
        'The required "userId" or "username" param was not provided',
      );
    }
    const filter: FilterQuery<User> = p.userId ? { _id: p.userId } : { username: exactInsensitive(p.username!) };
    const found = await this.users.findOne(filter, { services: 0 }).lean();
    if (!found) {
      throw RcError.plain('User not found.');
    }
    const full = await this.canSeeFull(p.caller, found._id);
    let user: Record<string, unknown>;
    if (full) {
      user = stripSecrets(found as unknown as Record<string, unknown>);
    } else {
      user = { _id: found._id };
      for (const k of Object.keys(PUBLIC_USER_FIELDS)) {
        if ((found as unknown as Record<string, unknown>)[k] !== undefined) {
          user[k] = (found as unknown as Record<string, unknown>)[k];
        }
      }
    }
    const wantsRooms = p.includeUserRooms || p.fields?.userRooms === 1;
    if (
      wantsRooms &&
      (p.caller._id === found._id ||
        (await this.authorization.hasPermission(p.caller.roles, 'view-other-user-channels')))
    ) {
      user.rooms = await this.rooms.roomsOfUser(found._id);
    }
    return { user };
  }

  /** users.list */
  async list(p: ListPayload): Promise<{ users: Doc[]; count: number; offset: number; total: number }> {
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
    const filter = p.page.query ? (reviveQuery(p.page.query) as FilterQuery<User>) : {};
    const [users, total] = await Promise.all([
      this.users
        .find(filter, projection)
        .sort(p.page.sort ?? { username: 1 })
        .skip(p.page.offset)
        .limit(p.page.count)
        .lean(),
      this.users.countDocuments(filter),
    ]);
    return { users: users as unknown as Doc[], count: users.length, offset: p.page.offset, total };
  }

  /** The logged-in user as `/me` and login's `me` show it. */
  async me(userId: string): Promise<Doc> {
    const user = await this.users.findById(userId).lean();
    if (!user) {
      throw RcError.failure('error-invalid-user', 'Invalid user');
    }
    const siteUrl = String((await this.settings.get<string>('Site_Url')) ?? '').replace(/\/$/, '');
    const verified = user.emails?.find((e) => e.verified);
    const services = user.services ?? {};
    const out: Record<string, unknown> = {
      ...stripSecrets(user as unknown as Record<string, unknown>),
      settings: {
        preferences: user.settings?.preferences ?? {},
        ...(user.settings?.profile ? { profile: user.settings.profile } : {}),
      },
      customFields: user.customFields ?? {},
      avatarUrl: `${siteUrl}/avatar/${user.username}`,
      services: {
        password: { exists: !!services.password?.bcrypt },
        totp: { enabled: !!(services.totp as { enabled?: boolean } | undefined)?.enabled },
        email2fa: { enabled: !!(services.email2fa as { enabled?: boolean } | undefined)?.enabled },
      },
    };
    if (verified) {
      out.email = verified.address;
    }
    return out;
  }
}
