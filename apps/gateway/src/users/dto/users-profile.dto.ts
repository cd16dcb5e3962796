import type {
  UsersGetPresencePayload,
  UsersGetStatusPayload,
  UsersSetPreferencesPayload,
  UsersSetStatusPayload,
} from '@app/contracts';
import { Feeds, Opt, Params, Static, Type, UserSelectorParams } from '@app/validation';

/** users.presence: `from` (ISO date), `ids` (comma list, or repeated). */
export const UsersPresenceDto = Params({
  from: Opt(Type.String()),
  ids: Opt(Type.Union([Type.String(), Type.Array(Type.String())])),
});
export type UsersPresenceDto = Static<typeof UsersPresenceDto>;

/** users.getPresence: another user by `userId`, `username` or `user`, or oneself. */
export const UsersGetPresenceDto = Params(UserSelectorParams);
export type UsersGetPresenceDto = Feeds<UsersGetPresencePayload, Static<typeof UsersGetPresenceDto>>;

/** users.setPreferences; the keys of `data` are checked by the service against Rocket.Chat's preference list. */
export const UsersSetPreferencesDto = Params({
  userId: Opt(Type.String()),
  data: Type.Object({}),
});
export type UsersSetPreferencesDto = Feeds<UsersSetPreferencesPayload, Static<typeof UsersSetPreferencesDto>>;

/** users.setStatus: `status` and/or `message` (at least one), for oneself or the user named. */
export const UsersSetStatusDto = Params(
  {
    status: Opt(Type.String()),
    message: Opt(Type.String()),
    ...UserSelectorParams,
  },
  { anyOf: [{ required: ['message'] }, { required: ['status'] }] },
);
export type UsersSetStatusDto = Feeds<UsersSetStatusPayload, Static<typeof UsersSetStatusDto>>;

/** users.getStatus: oneself, or another user by `userId`, `username` or `user`. */
export const UsersGetStatusDto = Params(UserSelectorParams);
export type UsersGetStatusDto = Feeds<UsersGetStatusPayload, Static<typeof UsersGetStatusDto>>;
