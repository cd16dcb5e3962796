import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthUser } from '@app/contracts';

export const IS_PUBLIC = 'rc:public';
export const OPTIONAL_AUTH = 'rc:optional-auth';
export const REQUIRED_PERMISSIONS = 'rc:permissions';

/** The route needs no login (Rocket.Chat `authRequired: false`). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Public, but the caller is resolved when the headers are present and valid (`/api/info`). */
export const OptionalAuth = () => SetMetadata(OPTIONAL_AUTH, true);

/**
 * Rocket.Chat's route option `permissionsRequired`: the caller needs all of them, else 403
 * `{success:false, error:"unauthorized"}`.
 */
export const Permissions = (...permissions: string[]) => SetMetadata(REQUIRED_PERMISSIONS, permissions);

export interface AuthenticatedRequest {
  user?: AuthUser;
  ip?: string;
}

/** The caller resolved by the auth guard. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
});
