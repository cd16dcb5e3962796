import type { ChannelsCreatePayload, ChannelsInfoPayload } from '@app/contracts';
import { Feeds, Opt, PagingParams, Params, QueryFlag, RoomSelectorParams, Static, Type } from '@app/validation';

/** channels.create (`name` is checked by the service: Rocket.Chat's own 400 'Body param "name" is required') */
export const ChannelsCreateDto = Params({
  name: Opt(Type.String()),
  members: Opt(Type.Array(Type.String())),
  readOnly: Opt(Type.Boolean()),
  excludeSelf: Opt(Type.Boolean()),
  customFields: Opt(Type.Object({})),
  extraData: Opt(Type.Object({})),
  teams: Opt(Type.Array(Type.String())),
});
export type ChannelsCreateDto = Feeds<ChannelsCreatePayload, Static<typeof ChannelsCreateDto>>;

/** channels.info */
export const ChannelsInfoDto = Params(RoomSelectorParams);
export type ChannelsInfoDto = Feeds<ChannelsInfoPayload, Static<typeof ChannelsInfoDto>>;

/** channels.list */
export const ChannelsListDto = Params(PagingParams);
export type ChannelsListDto = Static<typeof ChannelsListDto>;

/** channels.history: `latest`/`oldest` ISO dates, `inclusive`, `unreads`, `showThreadMessages` flags, paging. */
export const ChannelsHistoryDto = Params({
  ...RoomSelectorParams,
  latest: Opt(Type.String()),
  oldest: Opt(Type.String()),
  inclusive: QueryFlag,
  unreads: QueryFlag,
  showThreadMessages: QueryFlag,
  offset: PagingParams.offset,
  count: PagingParams.count,
});
export type ChannelsHistoryDto = Static<typeof ChannelsHistoryDto>;
