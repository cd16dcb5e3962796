import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { AnyBulkWriteOperation } from 'mongoose';
import type Redis from 'ioredis';
import { APP_ENV, UsersRoomsEnv } from '@app/config';
import { IRoom, ISubscription, MessageEditedEvent, MessageRemovedEvent, MessageSentEvent } from '@app/contracts';
import { settledWithin, WRITE_BOUND_MS } from '@app/database';
import { REDIS_CLIENT } from '@app/transport';
import { SettingsService } from '../settings/settings.service';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { RoomsRepository } from '../rooms/rooms.repository';

type SubscriptionOp = AnyBulkWriteOperation<ISubscription>;
type RoomOp = AnyBulkWriteOperation<IRoom>;
const updateRoom = (rid: string, update: Record<string, unknown>) =>
  ({ updateOne: { filter: { _id: rid }, update } }) as RoomOp;
const updateMany = (filter: Record<string, unknown>, update: Record<string, unknown>) =>
  ({ updateMany: { filter, update } }) as SubscriptionOp;
const updateOne = (filter: Record<string, unknown>, update: Record<string, unknown>) =>
  ({ updateOne: { filter, update } }) as SubscriptionOp;

/** How long a handled message id is remembered: longer than any redelivery of the event. */
const SEEN_TTL_SECONDS = 86_400;
/** The most message events written in one batch (a stream read gives at most the transport's concurrency). */
const MAX_SENT_BATCH = 100;

/**
 * What messages change on their room and on its members' subscriptions (durable events from chat, each handled
 * once per message id: a redelivered event finds the id remembered and changes nothing twice).
 */
@Injectable()
export class RoomActivityService {
  /** Where a handled message id is remembered, under the deployment's Redis prefix. */
  private readonly sentKey: string;
  private readonly removedKey: string;

  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly settings: SettingsService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_ENV) env: UsersRoomsEnv,
  ) {
    this.sentKey = `${env.RC_REDIS_PREFIX}:msg-sent:`;
    this.removedKey = `${env.RC_REDIS_PREFIX}:msg-removed:`;
  }

  private async firstTime(key: string): Promise<boolean> {
    return (await this.redis.set(key, '1', 'EX', SEEN_TTL_SECONDS, 'NX')) === 'OK';
  }

  /**
   * After a message is stored: the room's count and last message; the other members' `alert`/`open`, `unread`
   * (every message in DMs, mentions elsewhere), `userMentions`/`groupMentions`; thread followers' `tunread`;
   * the sender's `ls`. Resolves once written, so the transport acknowledges the event only then.
   */
  onMessageSent(e: MessageSentEvent): Promise<void> {
    return this.sent.load(e);
  }

  /**
   * The events dispatched in one turn of the event loop (under load one read of the stream gives several) are
   * written together: one Redis round trip tells which are new, then one bulk write to the rooms and, once it is
   * done, one to the subscriptions, whatever their number. Every post comes this way, so the writes go to the
   * driver as they are (`asIs`). An event whose ops cannot be built fails alone; a failed write fails its batch,
   * as does a write unanswered after 10 s, and forgets its events' ids, so that their redelivery writes them.
   */
  private readonly sent = new DataLoader<MessageSentEvent, void>((events) => this.writeSent(events), {
    cache: false,
    maxBatchSize: MAX_SENT_BATCH,
    batchScheduleFn: (run) => setImmediate(run),
  });

  private async writeSent(events: readonly MessageSentEvent[]): Promise<(void | Error)[]> {
    const seen = await this.redis
      .pipeline(events.map((e) => ['set', `${this.sentKey}${e.messageId}`, '1', 'EX', SEEN_TTL_SECONDS, 'NX']))
      .exec();
    const now = new Date();
    const outcomes: (void | Error)[] = [];
    const roomOps: RoomOp[] = [];
    const subOps: SubscriptionOp[] = [];
    const claimed: string[] = [];
    for (const [i, e] of events.entries()) {
      const [err, first] = seen?.[i] ?? [new Error('Redis answered no reply')];
      if (err) {
        outcomes.push(err);
        continue;
      }
      outcomes.push(undefined);
      if (first !== 'OK') {
        continue; // a redelivered event: its message was counted the first time
      }
      try {
        await this.sentOps(e, now, roomOps, subOps);
        claimed.push(`${this.sentKey}${e.messageId}`);
      } catch (failure) {
        outcomes[i] = failure instanceof Error ? failure : new Error(String(failure));
      }
    }
    // the rooms first, as one post at a time did: once a subscription shows a message, its room's `lm` reaches it
    // (channels.counters counts a member's unread messages up to `lm`)
    try {
      await settledWithin(this.rooms.bulkWrite(roomOps, { asIs: true }), WRITE_BOUND_MS, 'the rooms of a batch');
      await settledWithin(this.subscriptions.bulkWrite(subOps, { asIs: true }), WRITE_BOUND_MS, 'its subscriptions');
    } catch (err) {
      // not written: the events are counted when delivered again (a write that landed in part counts twice then)
      if (claimed.length) {
        await this.redis.del(...claimed).catch(() => undefined);
      }
      throw err;
    }
    return outcomes;
  }

  /** What one new message writes, appended to its batch's rooms and subscriptions ops. */
  private async sentOps(e: MessageSentEvent, now: Date, roomOps: RoomOp[], subOps: SubscriptionOp[]) {
    const ts = new Date(e.ts);
    if (Number.isNaN(ts.getTime())) {
      throw new Error(`message ${e.messageId}: no valid ts`);
    }
    const inRoom = !e.tmid || e.tshow;
    if (e.system || !inRoom) {
      // a system message or a thread reply counts in the room, but is not its last message
      roomOps.push(updateRoom(e.rid, { $inc: { msgs: 1 }, $set: { _updatedAt: now } }));
      if (e.tmid) {
        this.threadUnread(e, now, subOps);
      }
      return;
    }
    // chat names the room's type; an event queued by an older chat does not, and a room that is gone changes nothing
    const type = e.roomType ?? (await this.rooms.findOne<Pick<IRoom, 't'>>({ _id: e.rid }, { t: 1 }))?.t;
    if (!type) {
      return;
    }
    roomOps.push(
      updateRoom(e.rid, {
        $inc: { msgs: 1 },
        $set: { lm: ts, lastMessage: { ...e.message, ts, _updatedAt: ts }, _updatedAt: now },
      }),
    );
    const others = { rid: e.rid, 'u._id': { $ne: e.userId } };
    // what raises `unread`: Unread_Count (channels, groups) / Unread_Count_DM (DMs); a member who mutes group
    // mentions is not counted for `@all` / `@here`
    const rule =
      type === 'd'
        ? await this.settings.string('Unread_Count_DM', 'all_messages')
        : await this.settings.string('Unread_Count', 'user_and_group_mentions_only');
    const mentioned = e.mentionedUserIds.filter((id) => id !== e.userId);
    const byUser = mentioned.length ? { 'u._id': { $in: mentioned } } : null;
    const group = e.hasGroupMention ? { muteGroupMentions: { $ne: true } } : null;
    subOps.push(updateMany(others, { $set: { alert: true, open: true, _updatedAt: now } }));
    if (byUser) {
      subOps.push(updateMany({ rid: e.rid, ...byUser }, { $inc: { userMentions: 1 } }));
    }
    if (group) {
      subOps.push(updateMany({ ...others, ...group }, { $inc: { groupMentions: 1 } }));
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
      subOps.push(updateMany(unreadFor, { $inc: { unread: 1 } }));
    }
    // the sender has read the room up to its own message
    subOps.push(updateOne({ rid: e.rid, 'u._id': e.userId }, { $set: { ls: ts, open: true, _updatedAt: now } }));
    if (e.tmid) {
      this.threadUnread(e, now, subOps);
    }
  }

  /** A thread reply: the thread's other followers have it unread (`tunread`), mentioned ones too (`tunreadUser`). */
  private threadUnread(e: MessageSentEvent, now: Date, ops: SubscriptionOp[]): void {
    const followers = (e.threadFollowers ?? []).filter((id) => id !== e.userId);
    const mentioned = e.mentionedUserIds.filter((id) => id !== e.userId);
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
    if (!(await this.firstTime(`${this.removedKey}${e.messageId}`))) {
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
