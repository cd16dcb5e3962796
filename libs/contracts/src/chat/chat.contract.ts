import { AuthUser, Doc, HealthResult } from '../common/types';

export const CHAT_SERVICE = 'chat';

export const ChatPattern = {
  Health: 'chat.health',
  PostMessage: 'chat.postMessage',
  ChannelsHistory: 'channels.history',
} as const;

export interface PostMessagePayload {
  caller: AuthUser;
  roomId?: string | string[];
  channel?: string | string[];
  text?: string;
  alias?: string;
  emoji?: string;
  avatar?: string;
  attachments?: Doc[];
}
export interface PostMessageResult {
  ts: number;
  channel: string;
  message: Doc;
}

export interface HistoryPayload {
  caller: AuthUser;
  roomId?: string;
  roomName?: string;
  latest?: string;
  oldest?: string;
  inclusive: boolean;
  offset: number;
  count: number;
  unreads: boolean;
  showThreadMessages: boolean;
}
export interface HistoryResult {
  messages: Doc[];
  count: number;
  offset: number;
  total: number;
  unreadNotLoaded?: number;
  firstUnread?: Doc;
}

export interface ChatContract {
  [ChatPattern.Health]: { payload: Record<string, never>; result: HealthResult };
  [ChatPattern.PostMessage]: { payload: PostMessagePayload; result: PostMessageResult };
  [ChatPattern.ChannelsHistory]: { payload: HistoryPayload; result: HistoryResult };
}
