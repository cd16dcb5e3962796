import { Inject, Injectable } from '@nestjs/common';
import type { AnyBulkWriteOperation } from 'mongoose';
import type Redis from 'ioredis';
import { ISubscription, MessageEditedEvent, MessageRemovedEvent, MessageSentEvent } from '@app/contracts';
import { REDIS_CLIENT } from '@app/transport';
import { SettingsService } from '../settings/settings.service';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { RoomsRepository } from '../rooms/rooms.repository';

type SubscriptionOp = AnyBulkWriteOperation<ISubscription>;
const updateMany = (filter: Record<string, unknown>, update: Record<string, unknown>) =>
  ({ updateMany: { filter, update } }) as SubscriptionOp;
const updateOne = (filter: Record<string, unknown>, update: Record<string, unknown>) =>
  ({ updateOne: { filter, update } }) as SubscriptionOp;

/** How long a handled message id is remembered: longer than any redelivery of the event. */
const SEEN_TTL_SECONDS = 86_400;

/**
 * What messages change on their room and on its members' subscriptions (durable events from chat, each handled
 * once per message id: a redelivered event finds the id remembered and changes nothing twice).
 */
@Injectable()
export class RoomActivityService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly settings: SettingsService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  private async firstTime(key: string): Promise<boolean> {
    return (await this.redis.set(key, '1', 'EX', SEEN_TTL_SECONDS, 'NX')) === 'OK';
  }

  /**
   * After a message is stored: the room's count and last message; the other members' `alert`/`open`, `unread`
   * (every message in DMs, mentions elsewhere), `userMentions`/`groupMentions`; thread followers' `tunread`;
   * the sender's `ls`. One bulk write for the subscriptions. Every post comes this way, so the writes go to the
   * driver as they are (`asIs`).
   */
  async onMessageSent(e: MessageSentEvent): Promise<void> {
    if (!(await this.firstTime(`rc:msg-sent:${e.messageId}`))) {
      return;
    }
    const ts = new Date(e.ts);
    const now = new Date();
    const inRoom = !e.tmid || e.tshow;
    if (e.system || !inRoom) {
      // a system message or a thread reply counts in the room, but is not its last message
      await this.rooms.updateOne({ _id: e.rid }, { $inc: { msgs: 1 }, $set: { _updatedAt: now } });
      if (e.tmid) {
        await this.threadUnread(e, now);
      }
      return;
    }
    const room = await this.rooms.findOneAndUpdate(
      { _id: e.rid },
      {
        $inc: { msgs: 1 },
        $set: { lm: ts, lastMessage: { ...e.message, ts, _updatedAt: ts }, _updatedAt: now },
      },
      { projection: { t: 1 }, asIs: true },
    );
    if (!room) {
      return;
    }
    const others = { rid: e.rid, 'u._id': { $ne: e.userId } };
    // what raises `unread`: Unread_Count (channels, groups) / Unread_Count_DM (DMs); a member who mutes group
    // mentions is not counted for `@all` / `@here`
    const rule =
      room.t === 'd'
        ? await this.settings.string('Unread_Count_DM', 'all_messages')
        : await this.settings.string('Unread_Count', 'user_and_group_mentions_only');
    const mentioned = e.mentionedUserIds.filter((id) => id !== e.userId);
    const byUser = mentioned.length ? { 'u._id': { $in: mentioned } } : null;
    const group = e.hasGroupMention ? { muteGroupMentions: { $ne: true } } : null;
    const ops: SubscriptionOp[] = [updateMany(others, { $set: { alert: true, open: true, _updatedAt: now } })];
    if (byUser) {
      ops.push(updateMany({ rid: e.rid, ...byUser }, { $inc: { userMentions: 1 } }));
    }
    if (group) {
      ops.push(updateMany({ ...others, ...group }, { $inc: { groupMentions: 1 } }));
    }
    const unreadFor =
      rule === 'all_messages'
        ? others
        : rule === 'user_mentions_only'
          ? byUser && { rid: e.rid, ...byUser }
          : rule === 'group_mentions_only'
            ? group && { ...others, ...group }
            : byUser || group
              ? { ...others, $or: [byUser, group].filter((f) => f !== null) }
              : null;
    if (unreadFor) {
      ops.push(updateMany(unreadFor, { $inc: { unread: 1 } }));
    }
    // the sender has read the room up to its own message
    ops.push(updateOne({ rid: e.rid, 'u._id': e.userId }, { $set: { ls: ts, open: true, _updatedAt: now } }));
    await this.subscriptions.bulkWrite(ops, { asIs: true });
    if (e.tmid) {
      await this.threadUnread(e, now);
    }
  }

  /** A thread reply: the thread's other followers have it unread (`tunread`), mentioned ones too (`tunreadUser`). */
  private async threadUnread(e: MessageSentEvent, now: Date): Promise<void> {
    const followers = (e.threadFollowers ?? []).filter((id) => id !== e.userId);
    const mentioned = e.mentionedUserIds.filter((id) => id !== e.userId);
    const ops: SubscriptionOp[] = [];
    if (followers.length) {
      ops.push(
        updateMany(
          { rid: e.rid, 'u._id': { $in: followers } },
          { $addToSet: { tunread: e.tmid }, $set: { _updatedAt: now } },
        ),
      );
    }
    if (mentioned.length) {
      ops.push(
        updateMany(
          { rid: e.rid, 'u._id': { $in: mentioned } },
          { $addToSet: { tunreadUser: e.tmid, tunread: e.tmid }, $set: { _updatedAt: now } },
        ),
      );
    }
    await this.subscriptions.bulkWrite(ops, { asIs: true });
  }

  /** An edited message that is the room's last message is shown edited there too. */
  async onMessageEdited(e: MessageEditedEvent): Promise<void> {
    const ts = new Date(e.message.ts);
    await this.rooms.updateOne(
      { _id: e.rid, 'lastMessage._id': e.message._id },
      { $set: { lastMessage: { ...e.message, ts, _updatedAt: new Date() } } },
    );
  }

  /** A removed message leaves the room's count, and its last message falls back to the latest visible one. */
  async onMessageRemoved(e: MessageRemovedEvent): Promise<void> {
    if (!(await this.firstTime(`rc:msg-removed:${e.messageId}`))) {
      return;
    }
    await this.rooms.updateOne({ _id: e.rid, msgs: { $gt: 0 } }, { $inc: { msgs: -1 } });
    const last = e.lastMessage;
    await this.rooms.updateOne(
      { _id: e.rid, 'lastMessage._id': e.messageId },
      last
        ? { $set: { lastMessage: { ...last, ts: new Date(last.ts) }, lm: new Date(last.ts) } }
        : { $unset: { lastMessage: 1 } },
    );
  }

  /** A member left a thread (unfollowed it): it is no longer unread for them. */
  async onThreadRead(e: { rid: string; userId: string; tmid: string }): Promise<void> {
    await this.subscriptions.updateOne(
      { rid: e.rid, 'u._id': e.userId },
      { $pull: { tunread: e.tmid, tunreadUser: e.tmid, tunreadGroup: e.tmid } },
    );
  }
}
