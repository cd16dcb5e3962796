import { Injectable } from '@nestjs/common';
import type { FilterQuery } from 'mongoose';
import { IMessage, MessageRef, UnreadCounts, UnreadSincePayload } from '@app/contracts';
import { MessagesRepository } from './messages.repository';

const REF_FIELDS = { _id: 1, rid: 1, ts: 1, u: 1, msg: 1, t: 1, tmid: 1, attachments: 1, alias: 1, avatar: 1 } as const;

/**
 * What users-rooms asks of messages without reading them itself: one message's room, time and author
 * (subscriptions.unread, rooms.createDiscussion), a room's last message, and what a member has not read since a
 * time (so the subscription's counters are recomputed from the messages, the one truth).
 */
@Injectable()
export class MessageLookupService {
  constructor(private readonly messages: MessagesRepository) {}

  messageRef(messageId: string): Promise<MessageRef | null> {
    return this.messages.findOne<MessageRef>({ _id: messageId, _hidden: { $ne: true } }, REF_FIELDS);
  }

  lastMessage(rid: string): Promise<MessageRef | null> {
    return this.messages.findOne<MessageRef>({ rid, _hidden: { $ne: true } }, REF_FIELDS, { sort: { ts: -1 } });
  }

  /** Messages of others (no system messages, no thread replies) at or after `since`. */
  async unreadSince(p: UnreadSincePayload): Promise<UnreadCounts> {
    const base: FilterQuery<IMessage> = {
      rid: p.rid,
      ts: { $gte: new Date(p.since) },
      _hidden: { $ne: true },
      t: { $exists: false },
      tmid: { $exists: false },
      'u._id': { $ne: p.userId },
    };
    const group = { 'mentions._id': { $in: ['all', 'here'] } };
    const user = { 'mentions._id': p.userId };
    const [all, byUser, byGroup, either] = await Promise.all([
      this.messages.count(base),
      this.messages.count({ ...base, ...user }),
      this.messages.count({ ...base, ...group }),
      this.messages.count({ ...base, $or: [user, group] }),
    ]);
    return { all, user: byUser, group: byGroup, either };
  }
}
