import { Injectable } from '@nestjs/common';
import {
  InternalPattern,
  Empty,
  ISubscription,
  MessageLookupPattern,
  RcEvent,
  RemovedRecord,
  SubscriptionsGetOnePayload,
  SubscriptionsReadPayload,
  SubscriptionsUnreadPayload,
  SyncPayload,
  UnreadCounts,
} from '@app/contracts';
import { RcError, RcErrorType } from '@app/envelope';
import { EventBus, RpcClient } from '@app/transport';
import { SettingsService } from '../settings/settings.service';
import { TrashRepository } from '../trash/trash.repository';
import { SUBSCRIPTIONS_COLLECTION, SubscriptionsRepository } from './subscriptions.repository';

/** `updatedSince` as Rocket.Chat parses it (an invalid date is refused with the endpoint's own error). */
export function parseUpdatedSince(value: string | undefined, errorType: RcErrorType, reason: string): Date | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw RcError.failure(errorType, reason);
  }
  return date;
}

const unreadNotAllowed = () =>
  RcError.failure('error-action-not-allowed', 'Not allowed', { method: 'unreadMessages', action: 'Unread_messages' });

/**
 * A user's subscriptions, the truth of their unread state: subscriptions.get (with `updatedSince`, removals
 * from the trash), getOne, read (clears `unread`, mentions and `alert`, sets `ls`) and unread (moves `ls` back
 * and counts again what is unread from there, under `Unread_Count` / `Unread_Count_DM`). A room the caller is
 * not subscribed to is answered like a room that does not exist.
 */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly trash: TrashRepository,
    private readonly settings: SettingsService,
    private readonly rpc: RpcClient,
    private readonly events: EventBus,
  ) {}

  /** subscriptions.get: the caller's subscriptions, or those changed (and removed) since `updatedSince`. */
  async get(p: SyncPayload): Promise<{ update: ISubscription[]; remove: RemovedRecord[] }> {
    const since = parseUpdatedSince(
      p.updatedSince,
      'error-roomId-param-invalid',
      'The "lastUpdate" query parameter must be a valid date.',
    );
    const mine = { 'u._id': p.caller._id };
    if (!since) {
      return { update: await this.subscriptions.find(mine), remove: [] };
    }
    const [update, remove] = await Promise.all([
      this.subscriptions.find({ ...mine, _updatedAt: { $gt: since } }),
      this.trash.removedAfter(SUBSCRIPTIONS_COLLECTION, since, mine),
    ]);
    return { update, remove };
  }

  /** subscriptions.getOne: the caller's subscription to the room, or null. */
  async getOne(p: SubscriptionsGetOnePayload): Promise<{ subscription: ISubscription | null }> {
    if (!p.roomId) {
      throw RcError.plain("The 'roomId' param is required");
    }
    return { subscription: await this.subscriptions.findByRoomAndUser(p.roomId, p.caller._id) };
  }

  /** subscriptions.read (Rocket.Chat's readMessages): everything read up to now. */
  async read(p: SubscriptionsReadPayload): Promise<Empty> {
    const rid = p.rid ?? p.roomId ?? '';
    const sub = await this.subscriptions.findByRoomAndUser(rid, p.caller._id, { alert: 1, tunread: 1, ls: 1 });
    if (!sub) {
      throw RcError.plain('error-invalid-subscription');
    }
    // unread threads keep the room marked unless they are read too
    const alert = !!(sub.alert && !p.readThreads && sub.tunread?.length);
    const now = new Date();
    await this.subscriptions.updateOne(
      { _id: sub._id },
      {
        $set: { open: true, alert, unread: 0, userMentions: 0, groupMentions: 0, ls: now, _updatedAt: now },
        ...(p.readThreads ? { $unset: { tunread: 1, tunreadUser: 1, tunreadGroup: 1 } } : {}),
      },
    );
    await this.events.publish(RcEvent.SubscriptionChanged, { rid, userId: p.caller._id });
    // read receipts (Message_Read_Receipt_Enabled) are chat's: the messages read now are those after the old `ls`
    await this.rpc.emit(InternalPattern.ChatRoomRead, {
      rid,
      userId: p.caller._id,
      user: { _id: p.caller._id, username: p.caller.username, ...(p.caller.name ? { name: p.caller.name } : {}) },
      ...(sub.ls ? { since: new Date(sub.ls).toISOString() } : {}),
      until: now.toISOString(),
    });
    return {};
  }

  /** subscriptions.unread (Rocket.Chat's unreadMessages): unread from a message on, or from the last one. */
  async unread(p: SubscriptionsUnreadPayload): Promise<Empty> {
    if (p.roomId) {
      const sub = await this.subscriptions.findByRoomAndUser(p.roomId, p.caller._id, { rid: 1, t: 1 });
      if (!sub) {
        throw RcError.failure('error-subscription-not-found', 'Could not find subscription', {
          method: 'unreadMessages',
        });
      }
      const last = await this.rpc.send(MessageLookupPattern.LastMessage, { rid: p.roomId });
      if (!last) {
        throw RcError.failure('error-no-message-for-unread', 'There are no messages to mark unread', {
          method: 'unreadMessages',
          action: 'Unread_messages',
        });
      }
      await this.markUnreadFrom(sub, new Date(last.ts), p.caller._id);
      return {};
    }
    const messageId = p.firstUnreadMessage?._id;
    if (typeof messageId !== 'string' || !messageId) {
      throw unreadNotAllowed();
    }
    const message = await this.rpc.send(MessageLookupPattern.MessageRef, { messageId });
    if (!message || message.u._id === p.caller._id) {
      throw unreadNotAllowed();
    }
    // a message of a room the caller is not in is refused like one that does not exist
    const sub = await this.subscriptions.findByRoomAndUser(message.rid, p.caller._id, { rid: 1, t: 1, ls: 1 });
    if (!sub) {
      throw unreadNotAllowed();
    }
    const ts = new Date(message.ts);
    if (sub.ls && ts >= new Date(sub.ls)) {
      return {};
    }
    await this.markUnreadFrom(sub, ts, p.caller._id);
    return {};
  }

  /** `ls` back to `ts`, the room alerted, and the counters counted again from the messages since then. */
  private async markUnreadFrom(sub: Pick<ISubscription, '_id' | 'rid' | 't'>, ts: Date, userId: string) {
    const counts = await this.rpc.send(MessageLookupPattern.UnreadSince, {
      rid: sub.rid,
      since: ts.toISOString(),
      userId,
    });
    const rule =
      sub.t === 'd'
        ? await this.settings.string('Unread_Count_DM', 'all_messages')
        : await this.settings.string('Unread_Count', 'user_and_group_mentions_only');
    await this.subscriptions.updateOne(
      { _id: sub._id },
      {
        $set: {
          open: true,
          alert: true,
          ls: ts,
          unread: unreadBy(rule, counts),
          userMentions: counts.user,
          groupMentions: counts.group,
          _updatedAt: new Date(),
        },
      },
    );
    await this.events.publish(RcEvent.SubscriptionChanged, { rid: sub.rid, userId });
  }
}

/** What `Unread_Count` / `Unread_Count_DM` count as unread. */
export function unreadBy(rule: string, counts: UnreadCounts): number {
  switch (rule) {
    case 'all_messages':
      return counts.all;
    case 'user_mentions_only':
      return counts.user;
    case 'group_mentions_only':
      return counts.group;
    default:
      return counts.either;
  }
}
