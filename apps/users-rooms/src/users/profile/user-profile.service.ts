import { Injectable } from '@nestjs/common';
import { FilterQuery } from 'mongoose';
import {
  AuthUser,
  GetPresenceResult,
  IUser,
  RcEvent,
  UsersGetPresencePayload,
  UsersPresencePayload,
  UsersSetPreferencesPayload,
  UserView,
} from '@app/contracts';
import { RcError } from '@app/envelope';
import { EventBus } from '@app/transport';
import { AuthorizationService } from '../../authorization/authorization.service';
import { escapeRegExp, exactInsensitive } from '../../common/regex';
import { DEFAULT_PREFERENCE_IDS, DEFAULT_PREFERENCE_PREFIX } from '../../settings/data/default-settings';
import { SettingsService } from '../../settings/settings.service';
import {
  defaultPreferences,
  mergePreferences,
  normalizePreferences,
  NOTIFICATION_PREFERENCES,
  preferencesUpdate,
  validatePreferences,
} from './preferences';
import { numberedSuggestion, usernameCandidates } from './username-suggestion';
import { isCallerFromParams, UserSessionsService } from '../user-sessions.service';
import { UsersRepository } from '../../users/users.repository';
import { SubscriptionsRepository } from '../../subscriptions/subscriptions.repository';

const PRESENCE_FIELDS = { username: 1, name: 1, status: 1, utcOffset: 1, statusText: 1, avatarETag: 1 };
const NOT_OFFLINE = ['online', 'away', 'busy'];
/** `from` within this window: only users changed since then (Rocket.Chat: 10 minutes). */
const PRESENCE_DIFF_WINDOW_MS = 10 * 60 * 1000;

/** users.presence, users.getPresence, users.getPreferences, users.setPreferences, users.getUsernameSuggestion. */
@Injectable()
export class UserProfileService {
  constructor(
    private readonly users: UsersRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly authorization: AuthorizationService,
    private readonly settings: SettingsService,
    private readonly sessions: UserSessionsService,
    private readonly events: EventBus,
  ) {}

  /** users.presence: users not offline; with `ids` only those; with a recent `from` only users changed since. */
  async presence(p: UsersPresencePayload): Promise<{ users: UserView[]; full: boolean }> {
    if (await this.settings.get<boolean>('Presence_broadcast_disabled')) {
      return { users: [], full: true };
    }
    if (p.ids?.length) {
      const users = await this.users.find<UserView>(
        { _id: { $in: p.ids }, status: { $in: NOT_OFFLINE } },
        { projection: PRESENCE_FIELDS },
      );
      return { users: users, full: false };
    }
    if (p.from) {
      const from = new Date(p.from);
      if (!Number.isNaN(from.getTime()) && Date.now() - from.getTime() < PRESENCE_DIFF_WINDOW_MS) {
        const users = await this.users.find<UserView>(
          { _id: { $ne: p.caller._id }, username: { $exists: true }, _updatedAt: { $gte: from } },
          { projection: PRESENCE_FIELDS },
        );
        return { users: users, full: false };
      }
    }
    const users = await this.users.find<UserView>(
      { username: { $exists: true }, status: { $in: NOT_OFFLINE } },
      { projection: PRESENCE_FIELDS },
    );
    return { users: users, full: true };
  }

  /** users.getPresence: the caller's own presence with connection status and last login, or another user's. */
  async getPresence(p: UsersGetPresencePayload): Promise<GetPresenceResult> {
    if (isCallerFromParams(p, p.caller)) {
      const me = await this.users.findById(p.caller._id, { status: 1, statusConnection: 1, lastLogin: 1 });
      return {
        presence: me?.status || 'offline',
        connectionStatus: me?.statusConnection || 'offline',
        ...(me?.lastLogin ? { lastLogin: me.lastLogin } : {}),
      };
    }
    const user = await this.sessions.userFromParams(p);
    return { presence: user.status || 'offline' };
  }

  private async defaults(): Promise<Record<string, unknown>> {
    return defaultPreferences(await this.settings.getMany(DEFAULT_PREFERENCE_IDS), DEFAULT_PREFERENCE_PREFIX);
  }

  /**
   * users.getPreferences: Rocket.Chat's defaults under the user's own choices, plus `language`. Rocket.Chat
   * refuses users without a `settings` object; users created here always have one in intent (`settings: {}`,
   * which MongoDB drivers drop when empty), so only a missing user is refused.
   */
  async getPreferences(caller: AuthUser): Promise<{ preferences: Record<string, unknown> }> {
    const user = await this.users.findById(caller._id, { settings: 1, language: 1 });
    if (!user) {
      throw RcError.plain("FAILED TO RETRIEVE USER PREFERENCES BECAUSE THEY HAVEN'T BEEN SET UP BY THE USER YET");
    }
    return { preferences: mergePreferences(await this.defaults(), user.settings?.preferences, user.language) };
  }

  /** users.setPreferences: known keys only; another user's need `edit-other-user-info`. */
  async setPreferences(p: UsersSetPreferencesPayload): Promise<{ user: UserView }> {
    const checked = validatePreferences(p.data);
    if (!checked.ok) {
      throw RcError.invalidParams(checked.error);
    }
    if (
      p.userId &&
      p.userId !== p.caller._id &&
      !(await this.authorization.hasPermission(p.caller.roles, 'edit-other-user-info'))
    ) {
      throw RcError.failure('error-action-not-allowed', 'Editing user is not allowed');
    }
    const userId = p.userId || p.caller._id;
    const user = await this.users.findById(userId, { settings: 1, language: 1 });
    if (!user) {
      throw RcError.failure('error-invalid-user', 'The optional "userId" param provided does not match any users');
    }
    const prefs = normalizePreferences(checked.value);
    const old = user.settings?.preferences ?? {};
    const update = preferencesUpdate(prefs);
    if (user.settings === undefined || user.settings === null) {
      await this.users.updateOne({ _id: userId }, { $set: { settings: {} } });
    }
    if (typeof prefs.language === 'string') {
      update.$set.language = prefs.language;
    }
    update.$set._updatedAt = new Date();
    await this.users.updateOne({ _id: userId }, update);
    await this.propagateToSubscriptions(userId, prefs, old);
    await this.events.publish(RcEvent.UserChanged, { userId });
    const saved = await this.users.findById(userId, { 'settings.preferences': 1, language: 1 });
    return {
      user: {
        _id: userId,
        settings: { preferences: { ...(saved?.settings?.preferences ?? {}), language: saved?.language } },
      },
    };
  }

  /** Subscriptions follow the user's notification defaults unless set per room (Rocket.Chat's *PrefOrigin). */
  private async propagateToSubscriptions(
    userId: string,
    prefs: Record<string, unknown>,
    old: Record<string, unknown>,
  ): Promise<void> {
    for (const { preference, field, origin } of NOTIFICATION_PREFERENCES) {
      const value = prefs[preference];
      if (typeof value !== 'string' || !value || value === old[preference]) {
        continue;
      }
      if (value === 'default') {
        await this.subscriptions.updateMany({ 'u._id': userId, [origin]: 'user' }, { $unset: { [field]: 1 } });
      } else {
        await this.subscriptions.updateMany(
          { 'u._id': userId, [origin]: { $ne: 'subscription' } },
          { $set: { [field]: value, [origin]: 'user' } },
        );
      }
    }
    if (Array.isArray(prefs.highlights)) {
      await this.subscriptions.updateMany({ 'u._id': userId }, { $set: { userHighlights: prefs.highlights } });
    }
  }

  /** users.getUsernameSuggestion: from the caller's name and verified e-mails, free and valid. */
  async usernameSuggestion(caller: AuthUser): Promise<{ result: string }> {
    const user = await this.users.findById(caller._id, { name: 1, emails: 1 });
    const s = await this.settings.getMany([
      'UTF8_User_Names_Validation',
      'UTF8_Names_Slugify',
      'Accounts_DefaultUsernamePrefixSuggestion',
    ]);
    const pattern = typeof s.UTF8_User_Names_Validation === 'string' ? s.UTF8_User_Names_Validation : '[0-9a-zA-Z-_.]+';
    const candidates = usernameCandidates(user ?? {}, { slugifyNames: s.UTF8_Names_Slugify !== false, pattern });
    for (const candidate of candidates) {
      if (await this.usernameIsFree(candidate)) {
        return { result: candidate };
      }
    }
    const prefix = s.Accounts_DefaultUsernamePrefixSuggestion;
    const base = candidates[0] ?? (typeof prefix === 'string' && prefix ? prefix : 'user');
    let index = await this.users.count({ username: new RegExp(`^${escapeRegExp(base)}-[0-9]+`) });
    for (;;) {
      const suggestion = numberedSuggestion(base, index);
      if (await this.usernameIsFree(suggestion)) {
        return { result: suggestion };
      }
      index++;
    }
  }

  private async usernameIsFree(username: string): Promise<boolean> {
    const filter: FilterQuery<IUser> = { username: exactInsensitive(username) };
    return !(await this.users.exists(filter));
  }
}
