import type { UsersCreatePayload } from '@app/contracts';
import { Feeds, Opt, Params, Static, Type } from '@app/validation';

/** The user fields of users.create (Rocket.Chat's schema: these keys only); users.update's `data` reuses them. */
export const NewUserProperties = {
  email: Type.String(),
  name: Type.String(),
  password: Type.String(),
  username: Type.String(),
  active: Opt(Type.Boolean()),
  bio: Opt(Type.String()),
  nickname: Opt(Type.String()),
  statusText: Opt(Type.String()),
  roles: Opt(Type.Array(Type.String())),
  joinDefaultChannels: Opt(Type.Boolean()),
  requirePasswordChange: Opt(Type.Boolean()),
  setRandomPassword: Opt(Type.Boolean()),
  sendWelcomeEmail: Opt(Type.Boolean()),
  verified: Opt(Type.Boolean()),
  customFields: Opt(Type.Object({})),
};

/** users.create */
export const UsersCreateDto = Params(NewUserProperties, { required: ['email', 'name', 'password', 'username'] });
export type UsersCreateDto = Feeds<UsersCreatePayload, Static<typeof UsersCreateDto>>;
