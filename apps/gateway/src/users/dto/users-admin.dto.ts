import type {
  DeactivateIdlePayload,
  UsersSetActiveStatusPayload,
  UsersUpdateOwnBasicInfoPayload,
  UsersUpdatePayload,
} from '@app/contracts';
import { Feeds, Opt, OptionalNullable, Params, Static, Type } from '@app/validation';
import { NewUserProperties } from './users-create.dto';

/** users.update `data`: the users.create keys, all optional and nullable, plus `status` (these keys only). */
const UsersUpdateData = Params({
  ...OptionalNullable(NewUserProperties),
  status: Opt(Type.String({ nullable: true })),
});

/** users.update */
export const UsersUpdateDto = Params({
  userId: Type.String(),
  data: UsersUpdateData,
  confirmRelinquish: Opt(Type.Boolean()),
});
export type UsersUpdateDto = Feeds<UsersUpdatePayload, Static<typeof UsersUpdateDto>>;

/** users.updateOwnBasicInfo `data` (these keys only, each nullable; `currentPassword` is a SHA-256 hex) */
const OwnBasicInfoData = Params({
  email: Opt(Type.String({ nullable: true })),
  name: Opt(Type.String({ nullable: true })),
  username: Opt(Type.String({ nullable: true })),
  nickname: Opt(Type.String({ nullable: true })),
  bio: Opt(Type.String({ nullable: true })),
  statusText: Opt(Type.String({ nullable: true })),
  statusType: Opt(Type.String({ nullable: true })),
  currentPassword: Opt(Type.String({ nullable: true })),
  newPassword: Opt(Type.String({ nullable: true })),
});

/** users.updateOwnBasicInfo */
export const UsersUpdateOwnBasicInfoDto = Params({
  data: OwnBasicInfoData,
  customFields: Opt(Type.Object({}, { nullable: true })),
});
export type UsersUpdateOwnBasicInfoDto = Feeds<
  UsersUpdateOwnBasicInfoPayload,
  Static<typeof UsersUpdateOwnBasicInfoDto>
>;

/** users.setActiveStatus */
export const UsersSetActiveStatusDto = Params({
  userId: Type.String(),
  activeStatus: Type.Boolean(),
  confirmRelinquish: Opt(Type.Boolean({ nullable: true })),
});
export type UsersSetActiveStatusDto = Feeds<UsersSetActiveStatusPayload, Static<typeof UsersSetActiveStatusDto>>;

/** users.deactivateIdle (Rocket.Chat's UserDeactivateIdleParamsPOST) */
export const UsersDeactivateIdleDto = Params({
  daysIdle: Type.Number({ minimum: 0 }),
  role: Opt(Type.String()),
});
export type UsersDeactivateIdleDto = Feeds<DeactivateIdlePayload, Static<typeof UsersDeactivateIdleDto>>;
