import type { SetAvatarPayload, UserParams } from '@app/contracts';
import { Feeds, Opt, Params, Static, Type, UserSelectorParams } from '@app/validation';

/** users.setAvatar: JSON body, or the text fields of the multipart form (Rocket.Chat's schema: these keys only). */
export const SetAvatarDto = Params({
  avatarUrl: Opt(Type.String()),
  userId: Opt(Type.String()),
  username: Opt(Type.String()),
});
export type SetAvatarDto = Feeds<SetAvatarPayload, Static<typeof SetAvatarDto>>;

/** users.resetAvatar and users.getAvatar: the user is named by `userId`, `username` or `user`. */
export const UserSelectorDto = Params(UserSelectorParams);
export type UserSelectorDto = Feeds<UserParams, Static<typeof UserSelectorDto>>;

/** `GET /avatar/:username?size=` */
export const AvatarRouteDto = Params({ size: Opt(Type.String()) });
export type AvatarRouteDto = Static<typeof AvatarRouteDto>;
