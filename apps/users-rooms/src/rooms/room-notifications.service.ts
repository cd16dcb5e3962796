import { Injectable } from '@nestjs/common';
import type { UpdateQuery } from 'mongoose';
import { Empty, ISubscription, SaveNotificationPayload } from '@app/contracts';
import { RcError } from '@app/envelope';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UsersRepository } from '../users/users.repository';
import { RoomNotifier } from './room-notifier.service';

/** The notification levels desktop, mobile and e-mail notifications take. */
const LEVELS = ['all', 'mentions', 'nothing', 'default'];

/** A level preference: the subscription field, where its origin is kept, and the user preference behind it. */
const LEVEL_FIELDS: Record<string, { origin: string; preference: string }> = {
  desktopNotifications: { origin: 'desktopPrefOrigin', preference: 'desktopNotifications' },
  mobilePushNotifications: { origin: 'mobilePrefOrigin', preference: 'pushNotifications' },
  emailNotifications: { origin: 'emailPrefOrigin', preference: 'emailNotificationMode' },
};

/** Flags stored as booleans ('1' is on). */
const FLAGS = ['disableNotifications', 'hideUnreadStatus', 'hideMentionStatus', 'muteGroupMentions'];

/** Stored as sent. */
const VALUES = ['unreadAlert', 'audioNotificationValue'];

const invalid = (reason: string) =>
  RcError.failure('error-invalid-settings', reason, { method: 'saveNotificationSettings' });

/**
 * rooms.saveNotification (Rocket.Chat's saveNotificationSettings): the caller's per-room notification
 * preferences, stored on its subscription. `default` falls back to the user's own preference (or to the
 * server's, by removing the field).
 */
@Injectable()
export class RoomNotificationsService {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly users: UsersRepository,
    private readonly notifier: RoomNotifier,
  ) {}

  async save(p: SaveNotificationPayload): Promise<Empty> {
    if (!p.roomId) {
      throw RcError.plain("The 'roomId' param is required");
    }
    const entries = Object.entries(p.notifications ?? {}).map(
      ([field, raw]) => [field, typeof raw === 'boolean' ? (raw ? '1' : '0') : String(raw)] as const,
    );
    if (!entries.length) {
      throw RcError.plain("The 'notifications' param is required");
    }
    for (const [field, value] of entries) {
      if (!LEVEL_FIELDS[field] && !FLAGS.includes(field) && !VALUES.includes(field)) {
        throw invalid('Invalid settings field');
      }
      if (LEVEL_FIELDS[field] && !LEVELS.includes(value)) {
        throw invalid('Invalid settings value');
      }
    }
    const sub = await this.subscriptions.findByRoomAndUser(p.roomId, p.caller._id, { _id: 1 });
    if (!sub) {
      throw RcError.failure('error-invalid-subscription', 'Invalid subscription', {
        method: 'saveNotificationSettings',
      });
    }
    const $set: Record<string, unknown> = { _updatedAt: new Date() };
    const $unset: Record<string, 1> = {};
    const preferences = await this.userPreferences(p.caller._id);
    for (const [field, value] of entries) {
      const level = LEVEL_FIELDS[field];
      if (level) {
        const own = value === 'default' ? preferences[level.preference] : value;
        if (typeof own === 'string' && own !== 'default') {
          $set[field] = own;
          $set[level.origin] = value === 'default' ? 'user' : 'subscription';
        } else {
          $unset[field] = 1;
          $unset[level.origin] = 1;
        }
      } else if (FLAGS.includes(field)) {
        $set[field] = value === '1';
      } else if (field === 'audioNotificationValue' && value === 'default') {
        $unset[field] = 1;
      } else {
        $set[field] = value;
      }
    }
    const update: UpdateQuery<ISubscription> = { $set, ...(Object.keys($unset).length ? { $unset } : {}) };
    await this.subscriptions.updateOne({ _id: sub._id }, update);
    await this.notifier.membershipChanged(p.roomId, [p.caller._id]);
    return {};
  }

  private async userPreferences(userId: string): Promise<Record<string, unknown>> {
    const user = await this.users.findById(userId, { 'settings.preferences': 1 });
    return user?.settings?.preferences ?? {};
  }
}
