/**
 * im.* (and their dm.* aliases): direct messages. The rooms, memberships and lists are users-rooms'; the
 * message endpoints (`history`, `messages`, `files`, `counters`, `messages.others`) are chat's.
 */
import type { CountersPayload, CountersResult, HistoryPayload, HistoryResult, RoomMember } from '../common/rooms';
import type { AuthUser, CallerPayload, Empty, ListPayload, PageRequest, Paged } from '../common/types';
import type { IMessage, RoomView } from '../documents';
import { CHAT_SERVICE, definePatterns, USERS_ROOMS_SERVICE } from '../registry';
import type { UploadView } from './channels.contract';

const UR = USERS_ROOMS_SERVICE;

export const ImPattern = definePatterns({
  Create: { pattern: 'im.create', service: UR },
  Open: { pattern: 'im.open', service: UR },
  Close: { pattern: 'im.close', service: UR },
  SetTopic: { pattern: 'im.setTopic', service: UR },
  Members: { pattern: 'im.members', service: UR },
  List: { pattern: 'im.list', service: UR },
  ListEveryone: { pattern: 'im.list.everyone', service: UR },
  History: { pattern: 'im.history', service: CHAT_SERVICE },
  Messages: { pattern: 'im.messages', service: CHAT_SERVICE },
  Files: { pattern: 'im.files', service: CHAT_SERVICE },
  Counters: { pattern: 'im.counters', service: CHAT_SERVICE },
  MessagesOthers: { pattern: 'im.messages.others', service: CHAT_SERVICE },
  /** internal: the one-to-one DM of a user with another (by username), created when missing (chat asks) */
  Resolve: { pattern: 'im.resolve', service: UR },
});

/** im.create: one `username`, or `usernames` (comma-separated) for a group DM; `excludeSelf` leaves the caller out. */
export interface ImCreatePayload extends CallerPayload {
  username?: string;
  usernames?: string;
  excludeSelf?: boolean;
}

/** A DM room as im.create answers it: the room document plus `rid` (its id). */
export type DirectRoomView = RoomView & { rid: string };

/** A DM by its id, or (where Rocket.Chat allows it) by the other party's `username`. */
export interface DirectRefPayload extends CallerPayload {
  roomId?: string;
  username?: string;
}

export interface ImTargetPayload extends CallerPayload {
  roomId?: string;
}

export interface ImSetTopicPayload extends ImTargetPayload {
  topic?: string | null;
}

export interface ImMembersPayload extends DirectRefPayload {
  offset: number;
  count: number;
  sort?: Record<string, 1 | -1>;
  status?: string[];
  filter?: string;
}

/** A DM member, with its subscription's `ts`, `roles` and `status` (Rocket.Chat 7's im.members). */
export type DirectMember = RoomMember & { subscription?: Record<string, unknown> };

export interface ImMessagesPayload extends DirectRefPayload {
  page: PageRequest;
  mentionIds?: string;
  starredIds?: string;
  pinned?: boolean;
}

export interface ImFilesPayload extends DirectRefPayload {
  page: PageRequest;
  name?: string;
  typeGroup?: string;
}

export interface ImMessagesOthersPayload extends CallerPayload {
  roomId?: string;
  page: PageRequest;
}

export interface ImResolvePayload {
  caller: AuthUser;
  username: string;
}

declare module '../registry' {
  interface RcContract {
    [ImPattern.Create]: { payload: ImCreatePayload; result: { room: DirectRoomView } };
    [ImPattern.Open]: { payload: ImTargetPayload; result: Empty };
    [ImPattern.Close]: { payload: ImTargetPayload; result: Empty };
    [ImPattern.SetTopic]: { payload: ImSetTopicPayload; result: { topic?: string | null } };
    [ImPattern.Members]: { payload: ImMembersPayload; result: Paged<'members', DirectMember> };
    [ImPattern.List]: { payload: ListPayload; result: Paged<'ims', RoomView> };
    [ImPattern.ListEveryone]: { payload: ListPayload; result: Paged<'ims', RoomView> };
    [ImPattern.History]: { payload: HistoryPayload; result: HistoryResult };
    [ImPattern.Messages]: { payload: ImMessagesPayload; result: Paged<'messages', IMessage> };
    [ImPattern.Files]: { payload: ImFilesPayload; result: Paged<'files', UploadView> };
    [ImPattern.Counters]: { payload: CountersPayload; result: CountersResult };
    [ImPattern.MessagesOthers]: { payload: ImMessagesOthersPayload; result: Paged<'messages', IMessage> };
    [ImPattern.Resolve]: { payload: ImResolvePayload; result: { rid: string } };
  }
}
