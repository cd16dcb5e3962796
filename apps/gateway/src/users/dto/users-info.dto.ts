import type { UsersInfoPayload } from '@app/contracts';
import { Feeds, Opt, Params, QueryFlag, Static, Type, UserSelectorParams } from '@app/validation';

/** users.info: `userId` or `username` (or `user`); `includeUserRooms=true`, or 5.x's `fields={"userRooms":1}`. */
export const UsersInfoDto = Params({ ...UserSelectorParams, includeUserRooms: QueryFlag, fields: Opt(Type.String()) });
export type UsersInfoDto = Static<typeof UsersInfoDto>;
/** the DTO less what the gateway parses (`includeUserRooms`, `fields`) feeds the payload whole */
export type UsersInfoSelector = Feeds<UsersInfoPayload, Omit<UsersInfoDto, 'includeUserRooms' | 'fields'>>;
