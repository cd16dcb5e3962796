import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { MessageSentEvent } from '@app/contracts';
import { REDIS_CLIENT } from '@app/transport';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { RoomsRepository } from '../rooms/rooms.repository';

/** What a stored message changes on its room and on its members' subscriptions (event from chat). */
@Injectable()
export class RoomActivityService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  /** After a message is stored: room counters and last message; other members' subscriptions alert/unread. */
  async onMessageSent(e: MessageSentEvent): Promise<void> {
    // at most once per message: a redelivered post (or event) must not count the message twice
    const first = await this.redis.set(`rc:msg-sent:${e.messageId}`, '1', 'EX', 86400, 'NX');
    if (first !== 'OK') {
      return;
    }
    const ts = new Date(e.ts);
    if (e.system) {
      // a system message counts in the room; it is not its last message and raises no unread state
      await this.rooms.updateOne({ _id: e.rid }, { $inc: { msgs: 1 }, $set: { _updatedAt: new Date() } });
      return;
    }
    if (e.tmid) {
      // a thread reply counts in the room, but is not its last message and raises no unread state here
      await this.rooms.updateOne({ _id: e.rid }, { $inc: { msgs: 1 }, $set: { _updatedAt: new Date() } });
      return;
    }
    const room = await this.rooms.findOneAndUpdate(
      { _id: e.rid },
      {
        $inc: { msgs: 1 },
        $set: { lm: ts, lastMessage: { ...e.message, ts, _updatedAt: ts }, _updatedAt: new Date() },
      },
      { projection: { t: 1 } },
    );
    if (!room) {
      return;
    }
    const others = { rid: e.rid, 'u._id': { $ne: e.userId } };
    const now = new Date();
    if (room.t === 'd') {
      await this.subscriptions.updateMany(others, {
        $set: { alert: true, open: true, _updatedAt: now },
        $inc: { unread: 1 },
      });
    } else {
      await this.subscriptions.updateMany(others, { $set: { alert: true, open: true, _updatedAt: now } });
      const mentioned = e.mentionedUserIds.filter((id) => id !== e.userId);
      if (e.hasGroupMention) {
        await this.subscriptions.updateMany(others, { $inc: { unread: 1, groupMentions: 1 } });
      } else if (mentioned.length) {
        await this.subscriptions.updateMany(
          { rid: e.rid, 'u._id': { $in: mentioned } },
          { $inc: { unread: 1, userMentions: 1 } },
        );
      }
    }
    // the sender has read the room up to its own message
    await this.subscriptions.updateOne(
      { rid: e.rid, 'u._id': e.userId },
      { $set: { ls: ts, open: true, _updatedAt: now } },
    );
  }
}
