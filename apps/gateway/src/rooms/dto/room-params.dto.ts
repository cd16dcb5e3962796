/**
 * The parameter schemas the room namespaces share (channels.*, groups.*): a room by `roomId` or `roomName`,
 * plus what each endpoint takes. Unknown keys are refused (`invalid-params`), as Rocket.Chat's schemas do.
 */
import type {
  CountersPayload,
  RoomCreatePayload,
  RoomInvitePayload,
  RoomTargetPayload,
  RoomUserPayload,
} from '@app/contracts';
import {
  AnyObject,
  Feeds,
  Opt,
  PagingParams,
  Params,
  QueryFlag,
  RoomSelectorParams,
  Static,
  TProperties,
  Type,
  UserSelectorParams,
} from '@app/validation';

/** A room and the endpoint's own keys. */
export const RoomParams = <T extends TProperties>(properties: T) => Params({ ...RoomSelectorParams, ...properties });

/** create: `name` is checked by the service (Rocket.Chat's 400 'Body param "name" is required'). */
export const RoomCreateDto = Params({
  name: Opt(Type.String()),
  members: Opt(Type.Array(Type.String())),
  readOnly: Opt(Type.Boolean()),
  excludeSelf: Opt(Type.Boolean()),
  customFields: Opt(AnyObject),
  extraData: Opt(AnyObject),
});
export type RoomCreateDto = Feeds<RoomCreatePayload, Static<typeof RoomCreateDto>>;

/** info, archive, unarchive, open, close, delete, leave, roles, moderators */
export const RoomTargetDto = RoomParams({});
export type RoomTargetDto = Feeds<RoomTargetPayload, Static<typeof RoomTargetDto>>;

/** kick and the owner/moderator/leader changes: a room and a user */
export const RoomUserDto = RoomParams(UserSelectorParams);
export type RoomUserDto = Feeds<RoomUserPayload, Static<typeof RoomUserDto>>;

/** invite: any of userId, userIds, username, usernames */
export const RoomInviteDto = RoomParams({
  userId: Opt(Type.String()),
  userIds: Opt(Type.Array(Type.String())),
  username: Opt(Type.String()),
  usernames: Opt(Type.Array(Type.String())),
});
export type RoomInviteDto = Feeds<RoomInvitePayload, Static<typeof RoomInviteDto>>;

export const RoomRenameDto = RoomParams({ name: Opt(Type.String()) });
export const RoomTopicDto = RoomParams({ topic: Opt(Type.String()) });
export const RoomAnnouncementDto = RoomParams({ announcement: Opt(Type.String()) });
export const RoomDescriptionDto = RoomParams({ description: Opt(Type.String()) });
export const RoomPurposeDto = RoomParams({ purpose: Opt(Type.String()) });
export const RoomTypeDto = RoomParams({ type: Opt(Type.String()) });
export const RoomReadOnlyDto = RoomParams({ readOnly: Opt(Type.Boolean()) });
export const RoomCustomFieldsDto = RoomParams({ customFields: Opt(AnyObject) });

/**
 * members: paged and sorted, with `status[]` and a `filter` on username/name. No `query`/`fields`: Rocket.Chat
 * parses them here and applies neither, so they are refused rather than silently ignored.
 */
export const RoomMembersDto = RoomParams({
  offset: PagingParams.offset,
  count: PagingParams.count,
  sort: PagingParams.sort,
  status: Opt(Type.Union([Type.String(), Type.Array(Type.String())])),
  filter: Opt(Type.String()),
});
export type RoomMembersDto = Static<typeof RoomMembersDto>;

/** history: `latest`/`oldest` ISO dates, `inclusive`, `unreads`, `showThreadMessages` flags, offset/count. */
export const RoomHistoryDto = RoomParams({
  latest: Opt(Type.String()),
  oldest: Opt(Type.String()),
  inclusive: QueryFlag,
  unreads: QueryFlag,
  showThreadMessages: QueryFlag,
  offset: PagingParams.offset,
  count: PagingParams.count,
});
export type RoomHistoryDto = Static<typeof RoomHistoryDto>;

/** messages: paged; 7.x filters `mentionIds`, `starredIds` (comma-separated user ids) and `pinned` */
export const RoomMessagesDto = RoomParams({
  ...PagingParams,
  mentionIds: Opt(Type.String()),
  starredIds: Opt(Type.String()),
  pinned: QueryFlag,
});
export type RoomMessagesDto = Static<typeof RoomMessagesDto>;

/** files: paged, with a `name` filter and a `typeGroup` (image, video, ...) */
export const RoomFilesDto = RoomParams({ ...PagingParams, name: Opt(Type.String()), typeGroup: Opt(Type.String()) });
export type RoomFilesDto = Static<typeof RoomFilesDto>;

/** counters: the caller's, or another user's (`userId`, with `view-room-administration`) */
export const RoomCountersDto = RoomParams({ userId: Opt(Type.String()) });
export type RoomCountersDto = Feeds<CountersPayload, Static<typeof RoomCountersDto>>;

/** list endpoints */
export const RoomListDto = Params(PagingParams);
export type RoomListDto = Static<typeof RoomListDto>;
