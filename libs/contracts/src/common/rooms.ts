/** Payloads and results the room namespaces share (channels.*, groups.*; im.* and rooms.* reuse some). */
import type { IMessage, RoomView } from '../documents';
import type { CallerPayload, PageRequest, RoomRef, UserParams } from './types';

/** The room an endpoint acts on: `roomId` or `roomName`. */
export interface RoomTargetPayload extends CallerPayload, RoomRef {}

/** A room and a user in it (kick, owner/moderator/leader changes): `userId` or `username` (or `user`). */
export interface RoomUserPayload extends RoomTargetPayload, UserParams {}

/** The users to invite: any of `userId`, `userIds`, `username`, `usernames` (Rocket.Chat's getUserListFromParams). */
export interface RoomInvitePayload extends RoomTargetPayload {
  userId?: string;
  userIds?: string[];
  username?: string;
  usernames?: string[];
}

export interface RoomJoinPayload extends RoomTargetPayload {
  joinCode?: string;
}

export interface RoomAddAllPayload extends RoomTargetPayload {
  activeUsersOnly?: boolean;
}

export interface RoomCreatePayload extends CallerPayload {
  name?: string;
  members?: string[];
  readOnly?: boolean;
  excludeSelf?: boolean;
  customFields?: Record<string, unknown>;
  extraData?: Record<string, unknown>;
}

export interface RoomRenamePayload extends RoomTargetPayload {
  name?: string;
}

export interface RoomTopicPayload extends RoomTargetPayload {
  topic?: string;
}

export interface RoomAnnouncementPayload extends RoomTargetPayload {
  announcement?: string;
}

export interface RoomDescriptionPayload extends RoomTargetPayload {
  description?: string;
}

export interface RoomPurposePayload extends RoomTargetPayload {
  purpose?: string;
}

export interface RoomReadOnlyPayload extends RoomTargetPayload {
  readOnly?: boolean;
}

export interface RoomTypePayload extends RoomTargetPayload {
  type?: string;
}

export interface RoomJoinCodePayload extends RoomTargetPayload {
  joinCode?: string;
}

export interface RoomDefaultPayload extends RoomTargetPayload {
  default?: boolean | string;
}

export interface RoomCustomFieldsPayload extends RoomTargetPayload {
  customFields?: Record<string, unknown>;
}

export interface RoomMembersPayload extends RoomTargetPayload {
  offset: number;
  count: number;
  sort?: Record<string, 1 | -1>;
  status?: string[];
  filter?: string;
}

export interface RoomListPayload extends CallerPayload {
  page: PageRequest;
}

/** A room document under the namespace's key (`channel` for channels.*, `group` for groups.*). */
export type RoomResult = { channel?: RoomView; group?: RoomView };

export interface RoomMember {
  _id: string;
  username?: string;
  name?: string;
  status?: string;
  statusText?: string;
  utcOffset?: number;
  avatarETag?: string;
}

/** A member holding room roles (channels.roles / groups.roles). */
export interface RoomRoleHolder {
  _id: string;
  rid: string;
  u: { _id: string; username: string; name?: string };
  roles: string[];
}

/** channels.messages / groups.messages: paged with `sort`, `query`, `fields`, and the 7.x filters. */
export interface RoomMessagesPayload extends RoomTargetPayload {
  page: PageRequest;
  /** comma-separated user ids: messages mentioning any of them */
  mentionIds?: string;
  /** comma-separated user ids: messages starred by any of them */
  starredIds?: string;
  pinned?: boolean;
}

export interface HistoryPayload extends RoomTargetPayload {
  latest?: string;
  oldest?: string;
  inclusive?: boolean;
  offset: number;
  count: number;
  unreads?: boolean;
  showThreadMessages?: boolean;
}

/** Rocket.Chat's history answer: the messages, newest first (with `unreads`: the first unread and how many more). */
export interface HistoryResult {
  messages: IMessage[];
  unreadNotLoaded?: number;
  firstUnread?: IMessage;
}

export interface CountersPayload extends RoomTargetPayload {
  userId?: string;
}

export interface CountersResult {
  joined: boolean;
  members: number | null;
  unreads: number | null;
  unreadsFrom: Date | null;
  msgs: number | null;
  latest: Date | null;
  userMentions: number | null;
}

export interface RoomFilesPayload extends RoomTargetPayload {
  page: PageRequest;
  name?: string;
  typeGroup?: string;
}

export interface CleanHistoryPayload extends RoomTargetPayload {
  latest?: string;
  oldest?: string;
  inclusive?: boolean;
  excludePinned?: boolean;
  filesOnly?: boolean;
  ignoreThreads?: boolean;
  ignoreDiscussion?: boolean;
  users?: string[];
  limit?: number;
}
