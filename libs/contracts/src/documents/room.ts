import type { IUserRef } from './user';

/** Room types: public channel, private group, direct message, livechat, voip. */
export type RoomType = 'c' | 'p' | 'd' | 'l' | 'v';

/** Rocket.Chat's IRoom (`rocketchat_room`). */
export interface IRoom {
  _id: string;
  t: RoomType;
  msgs: number;
  usersCount: number;
  _updatedAt: Date;
  ts?: Date;
  u?: Pick<IUserRef, '_id' | 'username'>;
  name?: string;
  fname?: string;
  ro?: boolean;
  default?: boolean;
  featured?: boolean;
  broadcast?: boolean;
  archived?: boolean;
  encrypted?: boolean;
  sysMes?: boolean | string[];
  topic?: string;
  description?: string;
  announcement?: string;
  customFields?: Record<string, unknown>;
  lm?: Date;
  lastMessage?: Record<string, unknown>;
  muted?: string[];
  usernames?: string[];
  uids?: string[];
  prid?: string;
  teamId?: string;
  teamMain?: boolean;
  reactWhenReadOnly?: boolean;
  joinCodeRequired?: boolean;
  avatarETag?: string;
}

/** A room as an endpoint returns it (never `joinCode`, `members`, `importIds`, `e2e`). */
export type RoomView = Partial<IRoom> & { _id: string; [extra: string]: unknown };
