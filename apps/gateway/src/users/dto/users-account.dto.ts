import type { ForgotPasswordPayload, RegisterPayload, UsersEmailPayload } from '@app/contracts';
import { Feeds, Opt, Params, QueryFlag, Static, Type } from '@app/validation';

/** users.register (Rocket.Chat's UserRegisterParamsPOST: these keys only). */
export const UsersRegisterDto = Params({
  username: Type.String(),
  email: Type.String(),
  pass: Type.String(),
  name: Opt(Type.String()),
  secret: Opt(Type.String()),
  reason: Opt(Type.String()),
  customFields: Opt(Type.Object({})),
});
export type UsersRegisterDto = Feeds<RegisterPayload, Static<typeof UsersRegisterDto>>;

/** users.forgotPassword: a missing `email` is the service's 400 ("The 'email' param is required"). */
export const UsersForgotPasswordDto = Params({ email: Opt(Type.String()) });
export type UsersForgotPasswordDto = Feeds<ForgotPasswordPayload, Static<typeof UsersForgotPasswordDto>>;

/** users.requestDataDownload */
export const UsersRequestDataDownloadDto = Params({ fullExport: QueryFlag });
export type UsersRequestDataDownloadDto = Static<typeof UsersRequestDataDownloadDto>;

/** users.sendConfirmationEmail and users.sendWelcomeEmail */
export const UsersEmailDto = Params({ email: Type.String() });
export type UsersEmailDto = Feeds<UsersEmailPayload, Static<typeof UsersEmailDto>>;
