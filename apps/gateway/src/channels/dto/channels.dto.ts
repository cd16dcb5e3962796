import type { RoomAddAllPayload, RoomDefaultPayload, RoomJoinCodePayload, RoomJoinPayload } from '@app/contracts';
import { Feeds, Opt, PagingParams, Params, QueryFlag, RoomSelectorParams, Static, Type } from '@app/validation';
import { RoomParams } from '../../rooms/dto/room-params.dto';
import { RoomsCleanHistoryDto } from '../../rooms/dto/rooms.dto';

/** channels.addAll */
export const ChannelsAddAllDto = RoomParams({ activeUsersOnly: Opt(Type.Boolean()) });
export type ChannelsAddAllDto = Feeds<RoomAddAllPayload, Static<typeof ChannelsAddAllDto>>;

/** channels.join: `joinCode` when the channel has one */
export const ChannelsJoinDto = RoomParams({ joinCode: Opt(Type.String()) });
export type ChannelsJoinDto = Feeds<RoomJoinPayload, Static<typeof ChannelsJoinDto>>;

/** channels.setJoinCode */
export const ChannelsSetJoinCodeDto = RoomParams({ joinCode: Opt(Type.String()) });
export type ChannelsSetJoinCodeDto = Feeds<RoomJoinCodePayload, Static<typeof ChannelsSetJoinCodeDto>>;

/** channels.setDefault: a boolean, or "true"/"false" */
export const ChannelsSetDefaultDto = RoomParams({ default: Opt(Type.Union([Type.Boolean(), Type.String()])) });
export type ChannelsSetDefaultDto = Feeds<RoomDefaultPayload, Static<typeof ChannelsSetDefaultDto>>;

/** channels.online: 7.x `_id` (the room id); 5.x/6.x `query`, a JSON object selecting the room */
export const ChannelsOnlineDto = Params({ _id: Opt(Type.String()), query: Opt(Type.String()) });
export type ChannelsOnlineDto = Static<typeof ChannelsOnlineDto>;

/** channels.getIntegrations: `includeAllPublicChannels` (default true), paged */
export const ChannelsGetIntegrationsDto = RoomParams({ includeAllPublicChannels: QueryFlag, ...PagingParams });
export type ChannelsGetIntegrationsDto = Static<typeof ChannelsGetIntegrationsDto>;

/** channels.cleanHistory: Rocket.Chat's rooms.cleanHistory parameters (the same schema), on a channel */
export const ChannelsCleanHistoryDto = RoomsCleanHistoryDto;
export type ChannelsCleanHistoryDto = RoomsCleanHistoryDto;

/** channels.getAllUserMentionsByChannel: `roomId`, offset/count/sort */
export const ChannelsMentionsDto = Params({
  roomId: Opt(Type.String()),
  offset: PagingParams.offset,
  count: PagingParams.count,
  sort: PagingParams.sort,
});
export type ChannelsMentionsDto = Static<typeof ChannelsMentionsDto>;

/** channels.anonymousread: a channel's messages, paged */
export const ChannelsAnonymousReadDto = Params({ ...RoomSelectorParams, ...PagingParams });
export type ChannelsAnonymousReadDto = Static<typeof ChannelsAnonymousReadDto>;
