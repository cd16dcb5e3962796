import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import Redis from 'ioredis';
import { APP_ENV, UsersRoomsEnv } from '@app/config';
import { IUser, RcEvent } from '@app/contracts';
import { RcError } from '@app/envelope';
import { EventBus, REDIS_CLIENT } from '@app/transport';
import { exactInsensitive, matchesNamePattern } from '../../common/regex';
import { SettingsService } from '../../settings/settings.service';
import { customFieldsUpdate } from './rules/custom-fields';
import { MAX_STATUS_TEXT_LENGTH, Refusal } from './rules/user-edit-rules';
import { UsersRepository } from '../users.repository';
import { SubscriptionsRepository } from '../../subscriptions/subscriptions.repository';
import { UserEvents, UserRenamedEvent } from '../user-events';
import { UsernamesService } from '../usernames.service';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_CHANGE_WINDOW_MS = 60_000;

export function refusalError(r: Refusal): RcError {
  return RcError.failure(r.errorType, r.reason, r.details);
}

type UserDoc = IUser & Record<string, unknown>;

/**
 * Writes of profile fields shared by users.update and users.updateOwnBasicInfo, with Rocket.Chat's checks:
 * username and name (saveUserIdentity, and the copies of the username in rooms and subscriptions), e-mail
 * (format, availability, one change a minute for users who are not editors), status text, custom fields.
 */
@Injectable()
export class ProfileWriterService {
  constructor(
    private readonly users: UsersRepository,
    private readonly subscriptions: SubscriptionsRepository,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_ENV) private readonly env: UsersRoomsEnv,
    private readonly settings: SettingsService,
    private readonly events: EventBus,
    private readonly hooks: EventEmitter2,
    private readonly usernames: UsernamesService,
  ) {}

  /**
   * saveUserIdentity: false when the username is invalid or taken, or the name is empty while
   * `Accounts_RequireNameForSignUp` is on (the callers turn that into `error-could-not-save-identity`); a
   * blocked username throws `error-blocked-username`.
   */
  async saveIdentity(user: UserDoc, rawUsername: string | undefined, rawName: string | undefined): Promise<boolean> {
    const set: Record<string, unknown> = {};
    const unset: Record<string, 1> = {};
    const username = rawUsername?.trim();
    const name = rawName?.trim();
    const usernameChanged = username !== undefined && username !== user.username;
    if (usernameChanged) {
      const pattern = await this.settings.string('UTF8_User_Names_Validation', '[0-9a-zA-Z-_.]+');
      if (!username || !matchesNamePattern(username, pattern) || ['all', 'here'].includes(username.toLowerCase())) {
        return false;
      }
      const sameNameOtherCase = user.username?.toLowerCase() === username.toLowerCase();
      if (!sameNameOtherCase) {
        // Rocket.Chat's checkUsernameAvailability: a blocked name is refused outright (error-blocked-username)
        await this.usernames.assertNotBlocked(username);
      }
      if (
        !sameNameOtherCase &&
        (await this.users.exists({ username: exactInsensitive(username), _id: { $ne: user._id } }))
      ) {
        return false;
      }
      set.username = username;
    }
    const nameChanged = name !== undefined && name !== user.name?.trim();
    if (nameChanged) {
      if (!name && (await this.settings.get<boolean>('Accounts_RequireNameForSignUp'))) {
        return false;
      }
      if (name) {
        set.name = name;
      } else {
        unset.name = 1;
      }
    }
    if (!Object.keys(set).length && !Object.keys(unset).length) {
      return true;
    }
    try {
      await this.users.updateOne(
        { _id: user._id },
        { $set: { ...set, _updatedAt: new Date() }, ...(Object.keys(unset).length ? { $unset: unset } : {}) },
      );
    } catch (err) {
      if ((err as { code?: number }).code === 11000) {
        return false;
      }
      throw err;
    }
    await this.updateReferences(user, usernameChanged ? username : undefined, nameChanged ? (name ?? '') : undefined);
    return true;
  }

  /** The username and name are copied into subscriptions and rooms; the rooms context keeps the copies in step. */
  private async updateReferences(user: UserDoc, username?: string, name?: string): Promise<void> {
    const renamed: UserRenamedEvent = { userId: user._id, previousUsername: user.username, username, name };
    await this.hooks.emitAsync(UserEvents.Renamed, renamed);
  }

  /** setStatusText: trimmed, at most 120 characters. */
  async setStatusText(userId: string, statusText: string): Promise<void> {
    const text = statusText.trim().slice(0, MAX_STATUS_TEXT_LENGTH);
    await this.users.updateOne({ _id: userId }, { $set: { statusText: text, _updatedAt: new Date() } });
  }

  /**
   * setEmail: a valid, free address replaces the user's e-mails (unverified unless `verified`). Callers without
   * `edit-other-user-info` may change an address once a minute.
   */
  async setEmail(user: UserDoc, rawEmail: string, verified: boolean, limited: boolean): Promise<void> {
    const email = rawEmail.trim();
    if (!email || !EMAIL.test(email)) {
      throw RcError.failure('error-invalid-email', `Invalid email ${email}`, {
        function: 'RocketChat.validateEmailDomain',
        email,
      });
    }
    const address = email.toLowerCase();
    if (user.emails?.[0]?.address === address) {
      if (verified && !user.emails[0].verified) {
        await this.users.updateOne({ _id: user._id }, { $set: { 'emails.0.verified': true } });
      }
      return;
    }
    if (limited && !this.env.TEST_MODE) {
      await this.limitEmailChange(user._id);
    }
    if (await this.users.exists({ 'emails.address': address, _id: { $ne: user._id } })) {
      throw RcError.failure('error-field-unavailable', `${email} is already in use :(`, {
        function: '_setEmail',
        field: email,
      });
    }
    await this.users.updateOne(
      { _id: user._id },
      { $set: { emails: [{ address, verified }], _updatedAt: new Date() } },
    );
  }

  /** One e-mail change per minute per user, counted in Redis so every replica sees it (Rocket.Chat 429). */
  private async limitEmailChange(userId: string): Promise<void> {
    const key = `${this.env.RC_REDIS_PREFIX}:limit:setEmail:${userId}`;
    const first = await this.redis.set(key, '1', 'PX', EMAIL_CHANGE_WINDOW_MS, 'NX');
    if (first === 'OK') {
      return;
    }
    const ttl = await this.redis.pttl(key);
    const seconds = Math.max(1, Math.ceil((ttl > 0 ? ttl : EMAIL_CHANGE_WINDOW_MS) / 1000));
    throw new RcError(
      'error-too-many-requests',
      `Error, too many requests. Please slow down. You must wait ${seconds} seconds before trying again.`,
      { timeToReset: ttl, seconds },
      'too-many-requests',
    );
  }

  /** saveCustomFields: only when `Accounts_CustomFields` defines fields; validated against the definition. */
  async saveCustomFields(userId: string, values: Record<string, unknown>): Promise<void> {
    const result = customFieldsUpdate(await this.settings.get<string>('Accounts_CustomFields'), values);
    if (!result) {
      return;
    }
    if ('refusal' in result) {
      throw refusalError(result.refusal);
    }
    const { set, addToSet } = result.update;
    await this.users.updateOne(
      { _id: userId },
      { $set: { ...set, _updatedAt: new Date() }, ...(Object.keys(addToSet).length ? { $addToSet: addToSet } : {}) },
    );
    await this.subscriptions.updateMany({ 'u._id': userId, t: 'd' }, { $set: { customFields: set.customFields } });
  }

  async changed(userId: string): Promise<void> {
    await this.events.publish(RcEvent.UserChanged, { userId });
  }
}
