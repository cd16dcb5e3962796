/** Service-to-service patterns that no REST route maps to one-to-one. */
import type { AuthUser, HealthResult } from '../common/types';
import type { IMessage, IPermission, IUserRef, RoomType } from '../documents';
import {
  CHAT_SERVICE,
  definePatterns,
  INTEGRATIONS_SERVICE,
  LIVECHAT_SERVICE,
  ServiceName,
  USERS_ROOMS_SERVICE,
} from '../registry';

export const InternalPattern = definePatterns({
  UsersRoomsHealth: { pattern: 'users-rooms.health', service: USERS_ROOMS_SERVICE },
  ChatHealth: { pattern: 'chat.health', service: CHAT_SERVICE },
  LivechatHealth: { pattern: 'livechat.health', service: LIVECHAT_SERVICE },
  IntegrationsHealth: { pattern: 'integrations.health', service: INTEGRATIONS_SERVICE },
  /** the gateway's auth cache miss: is this a live token of this user? */
  ResolveToken: { pattern: 'auth.resolveToken', service: USERS_ROOMS_SERVICE },
  /** settings values by id (the settings client of every app) */
  SettingsGet: { pattern: 'settings.get', service: USERS_ROOMS_SERVICE },
  /** the permission → roles table (the permission store of every app) */
  PermissionsAll: { pattern: 'permissions.all', service: USERS_ROOMS_SERVICE },
  /** the room a post names, after creating the DM or joining the public channel (chat's slow path) */
  RoomsOpenForPost: { pattern: 'rooms.openForPost', service: USERS_ROOMS_SERVICE },
  /** event: a message was stored; update room counters and subscriptions */
  RoomsMessageSent: { pattern: 'rooms.messageSent', service: USERS_ROOMS_SERVICE },
  /** event: a message was edited (the room's `lastMessage` follows) */
  RoomsMessageEdited: { pattern: 'rooms.messageEdited', service: USERS_ROOMS_SERVICE },
  /** event: a message was removed (the room's `msgs` and `lastMessage` follow) */
  RoomsMessageRemoved: { pattern: 'rooms.messageRemoved', service: USERS_ROOMS_SERVICE },
  /** event: a member stopped following a thread (its unread marks on the subscription go) */
  RoomsThreadRead: { pattern: 'rooms.threadRead', service: USERS_ROOMS_SERVICE },
  /** a room and a user's membership of it, as chat's room-access cache keeps them */
  RoomsAccess: { pattern: 'rooms.access', service: USERS_ROOMS_SERVICE },
  /** event: write a system message (`uj`, `au`, `r`, `room_changed_topic`, ...) into a room */
  ChatSystemMessage: { pattern: 'chat.systemMessage', service: CHAT_SERVICE },
  /** event: a room was deleted; remove its messages and files */
  ChatRoomDeleted: { pattern: 'chat.roomDeleted', service: CHAT_SERVICE },
  /** event: a member read a room up to `until` (subscriptions.read): chat records read receipts */
  ChatRoomRead: { pattern: 'chat.roomRead', service: CHAT_SERVICE },
  /** users by username (mentions, DMs): `_id`, `username`, `name` of the active ones found */
  UsersLookup: { pattern: 'users.lookup', service: USERS_ROOMS_SERVICE },
});

/** The health pattern each service answers (the gateway's readiness asks them all). */
export const HEALTH_PATTERN = {
  [USERS_ROOMS_SERVICE]: InternalPattern.UsersRoomsHealth,
  [CHAT_SERVICE]: InternalPattern.ChatHealth,
  [LIVECHAT_SERVICE]: InternalPattern.LivechatHealth,
  [INTEGRATIONS_SERVICE]: InternalPattern.IntegrationsHealth,
} as const satisfies Record<ServiceName, string>;

export interface ResolveTokenPayload {
  userId: string;
  hashedToken: string;
}

export interface SettingsGetPayload {
  ids: string[];
}

/** The caller as the gateway resolved it (saves a user look-up on the hot path). */
export interface CallerRef {
  _id: string;
  username: string;
  name?: string;
  roles: string[];
}

export interface OpenForPostPayload {
  caller: CallerRef;
  roomId?: string;
  /** `#name`, `@username` or a bare id/name (chat.postMessage's `channel`) */
  channel?: string;
}

export interface MessageSentEvent {
  rid: string;
  /** the room's type, which chat knows when it stores a message (users-rooms reads it when an event lacks it) */
  roomType?: RoomType;
  messageId: string;
  ts: string;
  userId: string;
  /** the message as stored, for `lastMessage` */
  message: Pick<IMessage, '_id' | 'msg' | 'u' | 'rid'> & Partial<IMessage>;
  mentionedUserIds: string[];
  hasGroupMention: boolean;
  /** a thread reply (no unread counts in the room) */
  tmid?: string;
  /** a thread reply: the thread's followers (their subscriptions get `tunread`) */
  threadFollowers?: string[];
  /** a thread reply also shown in the room */
  tshow?: boolean;
  /** a system message: counts in the room, raises no unread state */
  system?: boolean;
}

export interface MessageEditedEvent {
  rid: string;
  message: Pick<IMessage, '_id' | 'msg' | 'u' | 'rid' | 'ts'>;
}

export interface MessageRemovedEvent {
  rid: string;
  messageId: string;
  /** the room's latest visible message now, if any */
  lastMessage: Pick<IMessage, '_id' | 'msg' | 'u' | 'rid' | 'ts'> | null;
}

/** What chat needs of a room to decide access and to answer its message endpoints. */
export interface RoomAccessSnapshot {
  _id: string;
  t: RoomType;
  name?: string;
  fname?: string;
  ro?: boolean;
  archived?: boolean;
  broadcast?: boolean;
  reactWhenReadOnly?: boolean;
  muted?: string[];
  prid?: string;
  teamId?: string;
  usersCount: number;
  msgs: number;
  lm?: Date;
  _updatedAt: Date;
  /** DMs: the two (or more) users */
  uids?: string[];
}

/** A user's membership of a room, as chat needs it. */
export interface MembershipSnapshot {
  rid: string;
  userId: string;
  roles: string[];
  open: boolean;
  ts: Date;
  ls?: Date;
  userMentions: number;
  groupMentions: number;
  /** the subscription's unread count (im.counters reads it) */
  unread: number;
  /** threads with replies this member has not read */
  tunread?: string[];
  /** users whose messages this member does not see (chat.ignoreUser) */
  ignored?: string[];
  /** DMs: the other party blocked this member, or this member blocked the other party */
  blocked?: boolean;
  blocker?: boolean;
}

export interface RoomsAccessPayload {
  roomId?: string;
  /** a room name (without `#`) */
  roomName?: string;
  /** an id, else a name (chat.postMessage's `channel`) */
  roomIdOrName?: string;
  userId: string;
}

export interface RoomsAccessResult {
  room: RoomAccessSnapshot | null;
  subscription: MembershipSnapshot | null;
}

export interface RoomReadEvent {
  rid: string;
  userId: string;
  user: IUserRef;
  /** the member's `ls` before: messages after it and up to `until` are the ones read now */
  since?: string;
  until: string;
}

export interface SystemMessageEvent {
  /** the message id, derived from the call that asked (a redelivered call cannot write it twice) */
  _id: string;
  rid: string;
  /** Rocket.Chat's system message type */
  t: string;
  msg: string;
  u: { _id: string; username: string; name?: string };
  ts: string;
  /** extra message fields (`role` of subscription-role-added, ...) */
  extra?: Record<string, unknown>;
}

declare module '../registry' {
  interface RcContract {
    [InternalPattern.UsersRoomsHealth]: { payload: Record<string, never>; result: HealthResult };
    [InternalPattern.ChatHealth]: { payload: Record<string, never>; result: HealthResult };
    [InternalPattern.LivechatHealth]: { payload: Record<string, never>; result: HealthResult };
    [InternalPattern.IntegrationsHealth]: { payload: Record<string, never>; result: HealthResult };
    [InternalPattern.ResolveToken]: { payload: ResolveTokenPayload; result: AuthUser | null };
    [InternalPattern.SettingsGet]: { payload: SettingsGetPayload; result: Record<string, unknown> };
    [InternalPattern.PermissionsAll]: { payload: Record<string, never>; result: Pick<IPermission, '_id' | 'roles'>[] };
    [InternalPattern.RoomsOpenForPost]: { payload: OpenForPostPayload; result: { rid: string } };
    [InternalPattern.RoomsMessageSent]: { payload: MessageSentEvent; result: void };
    [InternalPattern.RoomsMessageEdited]: { payload: MessageEditedEvent; result: void };
    [InternalPattern.RoomsThreadRead]: { payload: { rid: string; userId: string; tmid: string }; result: void };
    [InternalPattern.RoomsMessageRemoved]: { payload: MessageRemovedEvent; result: void };
    [InternalPattern.RoomsAccess]: { payload: RoomsAccessPayload; result: RoomsAccessResult };
    [InternalPattern.ChatSystemMessage]: { payload: SystemMessageEvent; result: void };
    [InternalPattern.ChatRoomDeleted]: { payload: { rid: string }; result: void };
    [InternalPattern.ChatRoomRead]: { payload: RoomReadEvent; result: void };
    [InternalPattern.UsersLookup]: { payload: { usernames: string[] }; result: IUserRef[] };
  }
}
