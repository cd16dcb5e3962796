/**
 * rooms.*: endpoints on rooms of any type. Rooms, memberships and discussions are users-rooms'; cleaning a
 * room's history is chat's. (`rooms.upload/:rid` belongs with the chat endpoints.)
 */
import type { CleanHistoryPayload } from '../common/rooms';
import type { CallerPayload, Empty, PageRequest, Paged, RoomRef } from '../common/types';
import type { RoomView } from '../documents';
import { CHAT_SERVICE, definePatterns, USERS_ROOMS_SERVICE } from '../registry';
import type { RemovedRecord, SyncPayload } from './subscriptions.contract';

const UR = USERS_ROOMS_SERVICE;

export const RoomsPattern = definePatterns({
  AdminRooms: { pattern: 'rooms.adminRooms', service: UR },
  CleanHistory: { pattern: 'rooms.cleanHistory', service: CHAT_SERVICE },
  CreateDiscussion: { pattern: 'rooms.createDiscussion', service: UR },
  Favorite: { pattern: 'rooms.favorite', service: UR },
  Get: { pattern: 'rooms.get', service: UR },
  GetDiscussions: { pattern: 'rooms.getDiscussions', service: UR },
  Info: { pattern: 'rooms.info', service: UR },
  Leave: { pattern: 'rooms.leave', service: UR },
  SaveNotification: { pattern: 'rooms.saveNotification', service: UR },
});

/** rooms.adminRooms: room types (`c`, `p`, `d`, `l`, `discussions`, `teams`) and a name filter, paged. */
export interface AdminRoomsPayload extends CallerPayload {
  types?: string[];
  filter?: string;
  page: PageRequest;
}

/** rooms.createDiscussion: in a parent room (`prid`) or on a message (`pmid`), named `t_name`. */
export interface CreateDiscussionPayload extends CallerPayload {
  prid?: string;
  pmid?: string;
  t_name?: string;
  reply?: string;
  users?: string[];
  encrypted?: boolean;
  topic?: string;
}

export interface FavoritePayload extends CallerPayload, RoomRef {
  favorite?: boolean;
}

export interface RoomsGetDiscussionsPayload extends CallerPayload, RoomRef {
  page: PageRequest;
}

export interface RoomsInfoPayload extends CallerPayload, RoomRef {
  fields?: Record<string, 0 | 1>;
}

/** The parent of a discussion, as rooms.info shows it. */
export type ParentRoomView = Pick<RoomView, '_id' | 'name' | 'fname' | 't' | 'prid' | 'u'>;

/** rooms.saveNotification: the subscription's notification preferences, each a string ('1'/'0' for flags). */
export interface SaveNotificationPayload extends CallerPayload {
  roomId?: string;
  notifications?: Record<string, string | boolean>;
}

declare module '../registry' {
  interface RcContract {
    [RoomsPattern.AdminRooms]: { payload: AdminRoomsPayload; result: Paged<'rooms', RoomView> };
    [RoomsPattern.CleanHistory]: { payload: CleanHistoryPayload; result: { _id: string; count: number } };
    [RoomsPattern.CreateDiscussion]: {
      payload: CreateDiscussionPayload;
      result: { discussion: RoomView & { rid: string } };
    };
    [RoomsPattern.Favorite]: { payload: FavoritePayload; result: Empty };
    [RoomsPattern.Get]: { payload: SyncPayload; result: { update: RoomView[]; remove: RemovedRecord[] } };
    [RoomsPattern.GetDiscussions]: { payload: RoomsGetDiscussionsPayload; result: Paged<'discussions', RoomView> };
    [RoomsPattern.Info]: { payload: RoomsInfoPayload; result: { room: RoomView; parent?: ParentRoomView } };
    [RoomsPattern.Leave]: { payload: CallerPayload & RoomRef; result: Empty };
    [RoomsPattern.SaveNotification]: { payload: SaveNotificationPayload; result: Empty };
  }
}
