/** channels.*: public rooms. Room data is users-rooms'; the message endpoints (`history`, ...) are chat's. */
import type { CallerPayload, ListPayload, Paged, RoomRef } from '../common/types';
import type { IMessage, RoomView } from '../documents';
import { CHAT_SERVICE, definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const ChannelsPattern = definePatterns({
  Create: { pattern: 'channels.create', service: USERS_ROOMS_SERVICE },
  Info: { pattern: 'channels.info', service: USERS_ROOMS_SERVICE },
  List: { pattern: 'channels.list', service: USERS_ROOMS_SERVICE },
  History: { pattern: 'channels.history', service: CHAT_SERVICE },
});

/** Room fields no API response or `fields`/`query` may expose. */
export const HIDDEN_ROOM_FIELDS = ['joinCode', 'members', 'importIds', 'e2e'] as const;

export interface ChannelsCreatePayload extends CallerPayload {
  name?: string;
  members?: string[];
  readOnly?: boolean;
  excludeSelf?: boolean;
  customFields?: Record<string, unknown>;
  extraData?: Record<string, unknown>;
  teams?: string[];
}

export interface ChannelsInfoPayload extends CallerPayload, RoomRef {}

export interface HistoryPayload extends CallerPayload, RoomRef {
  latest?: string;
  oldest?: string;
  inclusive?: boolean;
  offset: number;
  count: number;
  unreads?: boolean;
  showThreadMessages?: boolean;
}
export interface HistoryResult {
  messages: IMessage[];
  count: number;
  offset: number;
  total: number;
  unreadNotLoaded?: number;
  firstUnread?: IMessage;
}

declare module '../registry' {
  interface RcContract {
    [ChannelsPattern.Create]: { payload: ChannelsCreatePayload; result: { channel: RoomView } };
    [ChannelsPattern.Info]: { payload: ChannelsInfoPayload; result: { channel: RoomView } };
    [ChannelsPattern.List]: { payload: ListPayload; result: Paged<'channels', RoomView> };
    [ChannelsPattern.History]: { payload: HistoryPayload; result: HistoryResult };
  }
}
