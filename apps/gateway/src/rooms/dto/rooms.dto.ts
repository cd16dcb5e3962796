/** The parameter schemas of rooms.* (rooms of any type). Unknown keys are refused (`invalid-params`). */
import type {
  CleanHistoryPayload,
  CreateDiscussionPayload,
  FavoritePayload,
  SaveNotificationPayload,
  SyncPayload,
} from '@app/contracts';
import { Feeds, Opt, PagingParams, Params, Static, Type } from '@app/validation';
import { RoomParams } from './room-params.dto';

/** rooms.adminRooms: `types` (`types[]=c` or `types=c`), a name `filter`, paged */
export const RoomsAdminRoomsDto = Params({
  types: Opt(Type.Union([Type.String(), Type.Array(Type.String())])),
  filter: Opt(Type.String()),
  ...PagingParams,
});
export type RoomsAdminRoomsDto = Static<typeof RoomsAdminRoomsDto>;

/** rooms.cleanHistory: a room, `latest` and `oldest` (ISO dates) and what to spare */
export const RoomsCleanHistoryDto = RoomParams({
  latest: Opt(Type.String()),
  oldest: Opt(Type.String()),
  inclusive: Opt(Type.Boolean()),
  excludePinned: Opt(Type.Boolean()),
  filesOnly: Opt(Type.Boolean()),
  ignoreThreads: Opt(Type.Boolean()),
  ignoreDiscussion: Opt(Type.Boolean()),
  users: Opt(Type.Array(Type.String())),
  limit: Opt(Type.Integer({ minimum: 0 })),
});
export type RoomsCleanHistoryDto = Feeds<CleanHistoryPayload, Static<typeof RoomsCleanHistoryDto>>;

/** rooms.createDiscussion: `prid` and `t_name` are checked by the service (Rocket.Chat's own texts) */
export const RoomsCreateDiscussionDto = Params({
  prid: Opt(Type.String()),
  pmid: Opt(Type.String()),
  t_name: Opt(Type.String()),
  reply: Opt(Type.String()),
  users: Opt(Type.Array(Type.String())),
  encrypted: Opt(Type.Boolean()),
  topic: Opt(Type.String()),
});
export type RoomsCreateDiscussionDto = Feeds<CreateDiscussionPayload, Static<typeof RoomsCreateDiscussionDto>>;

/** rooms.favorite: a room and `favorite` */
export const RoomsFavoriteDto = RoomParams({ favorite: Opt(Type.Boolean()) });
export type RoomsFavoriteDto = Feeds<FavoritePayload, Static<typeof RoomsFavoriteDto>>;

/** rooms.get: `updatedSince` (an ISO date) */
export const RoomsGetDto = Params({ updatedSince: Opt(Type.String()) });
export type RoomsGetDto = Feeds<SyncPayload, Static<typeof RoomsGetDto>>;

/** rooms.getDiscussions: a room, paged (`query`, `fields`, `sort`) */
export const RoomsGetDiscussionsDto = RoomParams(PagingParams);
export type RoomsGetDiscussionsDto = Static<typeof RoomsGetDiscussionsDto>;

/** rooms.info: a room, and `fields` */
export const RoomsInfoDto = RoomParams({ fields: PagingParams.fields });
export type RoomsInfoDto = Static<typeof RoomsInfoDto>;

/** rooms.saveNotification: `roomId` and the preferences (strings; flags as '1'/'0') */
export const RoomsSaveNotificationDto = Params({
  roomId: Opt(Type.String()),
  notifications: Opt(Type.Record(Type.String(), Type.Union([Type.String(), Type.Boolean()]))),
});
export type RoomsSaveNotificationDto = Feeds<SaveNotificationPayload, Static<typeof RoomsSaveNotificationDto>>;
