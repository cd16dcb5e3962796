/** chat.*: messages and everything attached to them (threads, reactions, pins, stars, receipts, reports). */
import type { CallerPayload, Empty, PageRequest, Paged } from '../common/types';
import type { IMessage, IUserRef } from '../documents';
import { CHAT_SERVICE, definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const ChatPattern = definePatterns({
  PostMessage: { pattern: 'chat.postMessage', service: CHAT_SERVICE },
  SendMessage: { pattern: 'chat.sendMessage', service: CHAT_SERVICE },
  Update: { pattern: 'chat.update', service: CHAT_SERVICE },
  Delete: { pattern: 'chat.delete', service: CHAT_SERVICE },
  GetMessage: { pattern: 'chat.getMessage', service: CHAT_SERVICE },
  GetDeletedMessages: { pattern: 'chat.getDeletedMessages', service: CHAT_SERVICE },
  GetDiscussions: { pattern: 'chat.getDiscussions', service: CHAT_SERVICE },
  GetMentionedMessages: { pattern: 'chat.getMentionedMessages', service: CHAT_SERVICE },
  GetPinnedMessages: { pattern: 'chat.getPinnedMessages', service: CHAT_SERVICE },
  GetStarredMessages: { pattern: 'chat.getStarredMessages', service: CHAT_SERVICE },
  GetSnippetedMessages: { pattern: 'chat.getSnippetedMessages', service: CHAT_SERVICE },
  GetSnippetedMessageById: { pattern: 'chat.getSnippetedMessageById', service: CHAT_SERVICE },
  GetMessageReadReceipts: { pattern: 'chat.getMessageReadReceipts', service: CHAT_SERVICE },
  GetThreadMessages: { pattern: 'chat.getThreadMessages', service: CHAT_SERVICE },
  GetThreadsList: { pattern: 'chat.getThreadsList', service: CHAT_SERVICE },
  SyncThreadMessages: { pattern: 'chat.syncThreadMessages', service: CHAT_SERVICE },
  SyncThreadsList: { pattern: 'chat.syncThreadsList', service: CHAT_SERVICE },
  SyncMessages: { pattern: 'chat.syncMessages', service: CHAT_SERVICE },
  FollowMessage: { pattern: 'chat.followMessage', service: CHAT_SERVICE },
  UnfollowMessage: { pattern: 'chat.unfollowMessage', service: CHAT_SERVICE },
  PinMessage: { pattern: 'chat.pinMessage', service: CHAT_SERVICE },
  UnPinMessage: { pattern: 'chat.unPinMessage', service: CHAT_SERVICE },
  StarMessage: { pattern: 'chat.starMessage', service: CHAT_SERVICE },
  UnStarMessage: { pattern: 'chat.unStarMessage', service: CHAT_SERVICE },
  React: { pattern: 'chat.react', service: CHAT_SERVICE },
  ReportMessage: { pattern: 'chat.reportMessage', service: CHAT_SERVICE },
  Search: { pattern: 'chat.search', service: CHAT_SERVICE },
  GetRoomIdByNameOrId: { pattern: 'chat.getRoomIdByNameOrId', service: CHAT_SERVICE },
  GetRoomNameById: { pattern: 'chat.getRoomNameById', service: CHAT_SERVICE },
  /** the caller's subscription holds the ignore list: users-rooms' */
  IgnoreUser: { pattern: 'chat.ignoreUser', service: USERS_ROOMS_SERVICE },
});

/** The message fields a client may send (Rocket.Chat's sendMessage / processWebhookMessage). */
export interface OutgoingMessageFields {
  alias?: string;
  emoji?: string;
  avatar?: string;
  attachments?: Record<string, unknown>[];
  tmid?: string;
  /** a thread reply shown in the room too */
  tshow?: boolean;
}

export interface PostMessagePayload extends CallerPayload, OutgoingMessageFields {
  roomId?: string | string[];
  channel?: string | string[];
  text?: string;
  parseUrls?: boolean;
  groupable?: boolean;
}
export interface PostMessageResult {
  ts: number;
  channel: string;
  message: IMessage;
}

export interface SendMessagePayload extends CallerPayload {
  message: OutgoingMessageFields & {
    /** a client-chosen id; a message with that id already stored is refused */
    _id?: string;
    rid: string;
    msg?: string;
  };
  previewUrls?: string[];
}

export interface ChatUpdatePayload extends CallerPayload {
  roomId: string;
  msgId: string;
  text: string;
  previewUrls?: string[];
}

export interface ChatDeletePayload extends CallerPayload {
  roomId: string;
  msgId: string;
  asUser?: boolean;
}
export interface ChatDeleteResult {
  _id: string;
  /** epoch milliseconds, as a string (Rocket.Chat's `Date.now().toString()`) */
  ts: string;
  message: Pick<IMessage, '_id' | 'rid' | 'u'>;
}

export interface MessageIdPayload extends CallerPayload {
  messageId: string;
}

/** A paged list of one room's messages (pinned, starred, mentioned, discussions, deleted, search). */
export interface RoomMessagesPagePayload extends CallerPayload {
  roomId: string;
  page: PageRequest;
}

export interface DeletedMessagesPayload extends RoomMessagesPagePayload {
  since: string;
}

export interface DiscussionsPayload extends RoomMessagesPagePayload {
  text?: string;
}

export interface SearchPayload extends RoomMessagesPagePayload {
  searchText: string;
}

export interface ThreadMessagesPayload extends CallerPayload {
  tmid: string;
  page: PageRequest;
}

export interface ThreadsListPayload extends CallerPayload {
  rid: string;
  type?: 'all' | 'following' | 'unread';
  text?: string;
  page: PageRequest;
}

export interface SyncThreadMessagesPayload extends CallerPayload {
  tmid: string;
  updatedSince: string;
  page: PageRequest;
}

export interface SyncThreadsListPayload extends CallerPayload {
  rid: string;
  updatedSince: string;
}

export interface SyncMessagesPayload extends CallerPayload {
  roomId: string;
  lastUpdate: string;
}

export interface SyncResult<T> {
  update: T[];
  remove: T[];
}

export interface FollowPayload extends CallerPayload {
  mid: string;
}

export interface ReactPayload extends MessageIdPayload {
  emoji: string;
  shouldReact?: boolean;
}

export interface ReportPayload extends MessageIdPayload {
  description: string;
}

export interface ReadReceipt {
  _id: string;
  roomId: string;
  userId: string;
  messageId: string;
  ts: Date;
  user: IUserRef;
}

export interface IgnoreUserPayload extends CallerPayload {
  rid: string;
  userId: string;
  ignore: boolean;
}

declare module '../registry' {
  interface RcContract {
    [ChatPattern.PostMessage]: { payload: PostMessagePayload; result: PostMessageResult };
    [ChatPattern.SendMessage]: { payload: SendMessagePayload; result: { message: IMessage } };
    [ChatPattern.Update]: { payload: ChatUpdatePayload; result: { message: IMessage } };
    [ChatPattern.Delete]: { payload: ChatDeletePayload; result: ChatDeleteResult };
    [ChatPattern.GetMessage]: { payload: MessageIdPayload; result: { message: IMessage } };
    [ChatPattern.GetDeletedMessages]: { payload: DeletedMessagesPayload; result: Paged<'messages', { _id: string }> };
    [ChatPattern.GetDiscussions]: { payload: DiscussionsPayload; result: Paged<'messages', IMessage> };
    [ChatPattern.GetMentionedMessages]: { payload: RoomMessagesPagePayload; result: Paged<'messages', IMessage> };
    [ChatPattern.GetPinnedMessages]: { payload: RoomMessagesPagePayload; result: Paged<'messages', IMessage> };
    [ChatPattern.GetStarredMessages]: { payload: RoomMessagesPagePayload; result: Paged<'messages', IMessage> };
    [ChatPattern.GetSnippetedMessages]: { payload: RoomMessagesPagePayload; result: Paged<'messages', IMessage> };
    [ChatPattern.GetSnippetedMessageById]: { payload: MessageIdPayload; result: { message: IMessage } };
    [ChatPattern.GetMessageReadReceipts]: { payload: MessageIdPayload; result: { receipts: ReadReceipt[] } };
    [ChatPattern.GetThreadMessages]: { payload: ThreadMessagesPayload; result: Paged<'messages', IMessage> };
    [ChatPattern.GetThreadsList]: { payload: ThreadsListPayload; result: Paged<'threads', IMessage> };
    [ChatPattern.SyncThreadMessages]: {
      payload: SyncThreadMessagesPayload;
      result: { messages: SyncResult<IMessage | { _id: string }> };
    };
    [ChatPattern.SyncThreadsList]: {
      payload: SyncThreadsListPayload;
      result: { threads: SyncResult<IMessage | { _id: string }> };
    };
    [ChatPattern.SyncMessages]: {
      payload: SyncMessagesPayload;
      result: { result: { updated: IMessage[]; deleted: { _id: string; _deletedAt: Date }[] } };
    };
    [ChatPattern.FollowMessage]: { payload: FollowPayload; result: Empty };
    [ChatPattern.UnfollowMessage]: { payload: FollowPayload; result: Empty };
    [ChatPattern.PinMessage]: { payload: MessageIdPayload; result: { message: IMessage } };
    [ChatPattern.UnPinMessage]: { payload: MessageIdPayload; result: Empty };
    [ChatPattern.StarMessage]: { payload: MessageIdPayload; result: Empty };
    [ChatPattern.UnStarMessage]: { payload: MessageIdPayload; result: Empty };
    [ChatPattern.React]: { payload: ReactPayload; result: Empty };
    [ChatPattern.ReportMessage]: { payload: ReportPayload; result: Empty };
    [ChatPattern.Search]: { payload: SearchPayload; result: { messages: IMessage[] } };
    [ChatPattern.GetRoomIdByNameOrId]: { payload: CallerPayload & { name: string }; result: { rid: string } };
    [ChatPattern.GetRoomNameById]: { payload: CallerPayload & { rid: string }; result: { name: string } };
    [ChatPattern.IgnoreUser]: { payload: IgnoreUserPayload; result: Empty };
  }
}
