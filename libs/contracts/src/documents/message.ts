import type { IUserRef } from './user';

export interface IMessageMention {
  _id: string;
  username: string;
  name?: string;
  type?: 'user' | 'team';
}

/** Rocket.Chat's IMessage (`rocketchat_message`). */
export interface IMessage {
  _id: string;
  rid: string;
  msg: string;
  ts: Date;
  u: IUserRef;
  _updatedAt: Date;
  t?: string;
  alias?: string;
  avatar?: string;
  emoji?: string;
  groupable?: boolean;
  attachments?: Record<string, unknown>[];
  mentions?: IMessageMention[];
  channels?: { _id: string; name: string }[];
  tmid?: string;
  tshow?: boolean;
  tcount?: number;
  tlm?: Date;
  replies?: string[];
  editedAt?: Date;
  editedBy?: Pick<IUserRef, '_id' | 'username'>;
  _hidden?: boolean;
  [extra: string]: unknown;
}
