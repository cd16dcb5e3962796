import { AuthUser, Doc, HealthResult, PageRequest } from '../common/types';

export const USERS_ROOMS_SERVICE = 'users-rooms';

/** Fields users.list's `query` may filter on (the gateway checks these; the service narrows them per caller). */
export const USERS_LIST_QUERY_FIELDS = [
  '_id',
  'username',
  'name',
  'type',
  'active',
  'status',
  'statusText',
  'roles',
  'emails',
  'createdAt',
  'lastLogin',
  'nickname',
  'bio',
  'utcOffset',
  'language',
  '_updatedAt',
  'avatarETag',
] as const;

export const UsersRoomsPattern = {
  Health: 'users-rooms.health',
  ServerInfo: 'info',
  Login: 'login',
  Logout: 'logout',
  ResolveToken: 'auth.resolveToken',
  Me: 'me',
  UsersCreate: 'users.create',
  UsersInfo: 'users.info',
  UsersList: 'users.list',
  ChannelsCreate: 'channels.create',
  ChannelsInfo: 'channels.info',
  ChannelsList: 'channels.list',
  /** internal: may the user post in this room (chat asks before it stores a message) */
  RoomsAuthorizePost: 'rooms.authorizePost',
  /** internal: may the user read this room's history */
  RoomsAuthorizeRead: 'rooms.authorizeRead',
  /** internal event: a message was stored; update room counters and subscriptions */
  RoomsMessageSent: 'rooms.messageSent',
  SettingsGet: 'settings.get',
  PermissionsAll: 'permissions.all',
} as const;

export interface LoginPayload {
  /** the request body as received (every Rocket.Chat login form) */
  body: Record<string, unknown>;
  /** x-2fa-code header, if any */
  twoFactorCode?: string;
  ip: string;
}
export interface LoginResult {
  userId: string;
  authToken: string;
  me: Doc;
}

export interface ResolveTokenPayload {
  userId: string;
  hashedToken: string;
}

export interface UsersCreatePayload {
  caller: AuthUser;
  email: string;
  name: string;
  password: string;
  username: string;
  active?: boolean;
  bio?: string;
  nickname?: string;
  statusText?: string;
  roles?: string[];
  joinDefaultChannels?: boolean;
  requirePasswordChange?: boolean;
  setRandomPassword?: boolean;
  sendWelcomeEmail?: boolean;
  verified?: boolean;
  customFields?: Record<string, unknown>;
}

export interface UsersInfoPayload {
  caller: AuthUser;
  userId?: string;
  username?: string;
  includeUserRooms?: boolean;
  fields?: Record<string, 0 | 1>;
}

export interface ListPayload {
  caller: AuthUser;
  page: PageRequest;
}

export interface ChannelsCreatePayload {
  caller: AuthUser;
  name: string;
  members?: string[];
  readOnly?: boolean;
  excludeSelf?: boolean;
  customFields?: Record<string, unknown>;
  extraData?: Record<string, unknown>;
}

export interface RoomRef {
  roomId?: string;
  roomName?: string;
}

export interface ChannelsInfoPayload extends RoomRef {
  caller: AuthUser;
}

/** The caller as the gateway resolved it (saves a user look-up on the hot path). */
export interface CallerRef {
  _id: string;
  username: string;
  name?: string;
  roles: string[];
}

export interface AuthorizePostPayload {
  userId: string;
  caller?: CallerRef;
  roomId?: string;
  /** `#name`, `@username` or a bare id/name (chat.postMessage's `channel`) */
  channel?: string;
  /** usernames mentioned in the text (`@name`), resolved to users in the reply */
  mentionUsernames?: string[];
}
export interface MessageMention {
  _id: string;
  username: string;
  name?: string;
  type: 'user' | 'team';
}
export interface AuthorizePostResult {
  room: { _id: string; t: string; name?: string; fname?: string };
  user: { _id: string; username: string; name?: string };
  mentions: MessageMention[];
}

export interface AuthorizeReadPayload extends RoomRef {
  userId: string;
  /** the caller's global roles, when known (saves a user look-up) */
  roles?: string[];
  /** room types the endpoint accepts (`channels.history`: c) */
  types: string[];
  /** the error raised when the room is missing or of another type */
  notFoundError: string;
  /** the error raised when neither roomId nor roomName is given */
  missingParamError: string;
}
export interface AuthorizeReadResult {
  room: { _id: string; t: string; name?: string };
  /** the caller's subscription `ls` (last seen), for unreads */
  lastSeen?: string;
}

export interface MessageSentEvent {
  rid: string;
  messageId: string;
  ts: string;
  userId: string;
  /** the message as stored, for `lastMessage` */
  message: Doc;
  mentionedUserIds: string[];
  hasGroupMention: boolean;
}

export interface SettingsGetPayload {
  ids: string[];
}

export interface UsersRoomsContract {
  [UsersRoomsPattern.Health]: { payload: Record<string, never>; result: HealthResult };
  [UsersRoomsPattern.ServerInfo]: { payload: { caller?: AuthUser }; result: Doc };
  [UsersRoomsPattern.Login]: { payload: LoginPayload; result: LoginResult };
  [UsersRoomsPattern.Logout]: { payload: { caller: AuthUser }; result: { message: string } };
  [UsersRoomsPattern.ResolveToken]: { payload: ResolveTokenPayload; result: AuthUser | null };
  [UsersRoomsPattern.Me]: { payload: { caller: AuthUser }; result: Doc };
  [UsersRoomsPattern.UsersCreate]: { payload: UsersCreatePayload; result: { user: Doc } };
  [UsersRoomsPattern.UsersInfo]: { payload: UsersInfoPayload; result: { user: Doc } };
  [UsersRoomsPattern.UsersList]: {
    payload: ListPayload;
    result: { users: Doc[]; count: number; offset: number; total: number };
  };
  [UsersRoomsPattern.ChannelsCreate]: { payload: ChannelsCreatePayload; result: { channel: Doc } };
  [UsersRoomsPattern.ChannelsInfo]: { payload: ChannelsInfoPayload; result: { channel: Doc } };
  [UsersRoomsPattern.ChannelsList]: {
    payload: ListPayload;
    result: { channels: Doc[]; count: number; offset: number; total: number };
  };
  [UsersRoomsPattern.RoomsAuthorizePost]: { payload: AuthorizePostPayload; result: AuthorizePostResult };
  [UsersRoomsPattern.RoomsAuthorizeRead]: { payload: AuthorizeReadPayload; result: AuthorizeReadResult };
  [UsersRoomsPattern.RoomsMessageSent]: { payload: MessageSentEvent; result: void };
  [UsersRoomsPattern.SettingsGet]: { payload: SettingsGetPayload; result: Record<string, unknown> };
  [UsersRoomsPattern.PermissionsAll]: { payload: Record<string, never>; result: { _id: string; roles: string[] }[] };
}
