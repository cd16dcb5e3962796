import type { IUserRef } from './user';

/** Rocket.Chat's ISubscription (`rocketchat_subscription`): one per user per room. */
export interface ISubscription {
  _id: string;
  u: IUserRef;
  rid: string;
  t: string;
  name: string;
  fname?: string;
  open: boolean;
  alert: boolean;
  unread: number;
  userMentions: number;
  groupMentions: number;
  ts: Date;
  ls?: Date;
  lr?: Date;
  _updatedAt: Date;
  f?: boolean;
  roles?: string[];
  archived?: boolean;
  prid?: string;
  tunread?: string[];
  ignored?: string[];
  /** DMs: the other party blocked this member / this member blocked the other party */
  blocked?: boolean;
  blocker?: boolean;
  customFields?: Record<string, unknown>;
  [notificationPreference: string]: unknown;
}

/** `rooms` of users.info with `includeUserRooms` */
export interface UserRoomView {
  _id: string;
  rid: string;
  name: string;
  t: string;
  roles: string[];
  unread: number;
}
