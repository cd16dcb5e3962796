import type {
  CreateTokenPayload,
  UsersLogoutPayload,
  GeneratePersonalAccessTokenPayload,
  PersonalAccessTokenNamePayload,
} from '@app/contracts';
import { Feeds, Opt, Params, Static, Type, UserSelectorParams } from '@app/validation';

/**
 * users.generatePersonalAccessToken. `tokenName` is checked by the service, so a missing one gets Rocket.Chat's
 * own answer (400 "The 'tokenName' param is required").
 */
export const GeneratePersonalAccessTokenDto = Params({
  tokenName: Opt(Type.String()),
  bypassTwoFactor: Opt(Type.Boolean()),
});
export type GeneratePersonalAccessTokenDto = Feeds<
  GeneratePersonalAccessTokenPayload,
  Static<typeof GeneratePersonalAccessTokenDto>
>;

/** users.regeneratePersonalAccessToken and users.removePersonalAccessToken. */
export const PersonalAccessTokenNameDto = Params({ tokenName: Opt(Type.String()) });
export type PersonalAccessTokenNameDto = Feeds<
  PersonalAccessTokenNamePayload,
  Static<typeof PersonalAccessTokenNameDto>
>;

/** users.createToken: the target as `userId`, `username` or `user`; `secret` (CREATE_TOKENS_FOR_USERS_SECRET). */
export const CreateTokenDto = Params({ ...UserSelectorParams, secret: Opt(Type.String()) });
export type CreateTokenDto = Feeds<CreateTokenPayload, Static<typeof CreateTokenDto>>;

/** users.logout: another user's `userId` (with `logout-other-user`), or nobody named: oneself. */
export const UsersLogoutDto = Params({ userId: Opt(Type.String({ nullable: true })) });
export type UsersLogoutDto = Feeds<UsersLogoutPayload, Static<typeof UsersLogoutDto>>;
