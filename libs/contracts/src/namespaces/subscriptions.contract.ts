/**
 * subscriptions.*: a user's membership of a room and its unread state (users-rooms). The message look-ups
 * users-rooms needs for it (a message's room and time, a room's last message, what is unread since a time)
 * are chat's, as internal patterns.
 */
import type { CallerPayload, Empty } from '../common/types';
import type { IMessage, ISubscription } from '../documents';
import { CHAT_SERVICE, definePatterns, USERS_ROOMS_SERVICE } from '../registry';

const UR = USERS_ROOMS_SERVICE;

export const SubscriptionsPattern = definePatterns({
  Get: { pattern: 'subscriptions.get', service: UR },
  GetOne: { pattern: 'subscriptions.getOne', service: UR },
  Read: { pattern: 'subscriptions.read', service: UR },
  Unread: { pattern: 'subscriptions.unread', service: UR },
});

export const MessageLookupPattern = definePatterns({
  /** internal: one message (its room, time, author, text), or null */
  MessageRef: { pattern: 'chat.messageRef', service: CHAT_SERVICE },
  /** internal: a room's last visible message, or null */
  LastMessage: { pattern: 'chat.lastMessage', service: CHAT_SERVICE },
  /** internal: how many messages of others a user has not read since a time (all, mentioning them, ...) */
  UnreadSince: { pattern: 'chat.unreadSince', service: CHAT_SERVICE },
});

/** A removal as the `updatedSince` sync endpoints answer it. */
export interface RemovedRecord {
  _id: string;
  _deletedAt: Date;
}

/** rooms.get / subscriptions.get: everything (no `updatedSince`), or what changed and went since then. */
export interface SyncPayload extends CallerPayload {
  updatedSince?: string;
}

export interface SubscriptionsGetOnePayload extends CallerPayload {
  roomId?: string;
}

/** subscriptions.read: `rid` (or 7.x `roomId`); `readThreads` also clears unread threads. */
export interface SubscriptionsReadPayload extends CallerPayload {
  rid?: string;
  roomId?: string;
  readThreads?: boolean;
}

/** subscriptions.unread: from a message on (`firstUnreadMessage._id`), or from a room's last message. */
export interface SubscriptionsUnreadPayload extends CallerPayload {
  roomId?: string;
  firstUnreadMessage?: { _id?: string; [extra: string]: unknown };
}

export type MessageRef = Pick<IMessage, '_id' | 'rid' | 'ts' | 'u' | 'msg'> &
  Partial<Pick<IMessage, 't' | 'tmid' | 'attachments' | 'alias' | 'avatar'>>;

export interface UnreadSincePayload {
  rid: string;
  /** ISO date; messages at or after it count */
  since: string;
  userId: string;
}

/** Messages by others since a time: all of them, those mentioning the user, `@all`/`@here`, either. */
export interface UnreadCounts {
  all: number;
  user: number;
  group: number;
  either: number;
}

declare module '../registry' {
  interface RcContract {
    [SubscriptionsPattern.Get]: {
      payload: SyncPayload;
      result: { update: ISubscription[]; remove: RemovedRecord[] };
    };
    [SubscriptionsPattern.GetOne]: {
      payload: SubscriptionsGetOnePayload;
      result: { subscription: ISubscription | null };
    };
    [SubscriptionsPattern.Read]: { payload: SubscriptionsReadPayload; result: Empty };
    [SubscriptionsPattern.Unread]: { payload: SubscriptionsUnreadPayload; result: Empty };
    [MessageLookupPattern.MessageRef]: { payload: { messageId: string }; result: MessageRef | null };
    [MessageLookupPattern.LastMessage]: { payload: { rid: string }; result: MessageRef | null };
    [MessageLookupPattern.UnreadSince]: { payload: UnreadSincePayload; result: UnreadCounts };
  }
}
