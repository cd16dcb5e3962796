import type { UsersGetPresencePayload, UsersSetPreferencesPayload } from '@app/contracts';
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
