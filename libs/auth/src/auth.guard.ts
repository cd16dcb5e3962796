import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthUser } from '@app/contracts';
import { RcError } from '@app/envelope';
import { IS_PUBLIC, OPTIONAL_AUTH, REQUIRED_PERMISSIONS } from './decorators';
import { hashLoginToken } from './hash-token';
import { PermissionStore } from './permission-store';

/** Resolves `(userId, hashedToken)` to the caller, or null. Implemented by the gateway (cache + service). */
export abstract class TokenResolver {
  abstract resolve(userId: string, hashedToken: string): Promise<AuthUser | null>;
}

interface HeaderRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthUser;
}

function header(req: HeaderRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * X-User-Id + X-Auth-Token, as Rocket.Chat checks them: the token is hashed and must be one of the user's
 * stored login tokens (or personal access tokens). Then the route's required permissions (403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: TokenResolver,
    private readonly permissions: PermissionStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const optional = this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH, targets);
    const req = context.switchToHttp().getRequest<HeaderRequest>();
    if (isPublic && !optional) {
      return true;
    }
    const userId = header(req, 'x-user-id');
    const token = header(req, 'x-auth-token');
    const user = userId && token ? await this.resolver.resolve(userId, hashLoginToken(token)) : null;
    if (!user) {
      if (isPublic || optional) {
        return true;
      }
      throw RcError.notLoggedIn();
    }
    req.user = user;
    const required = this.reflector.getAllAndOverride<string[]>(REQUIRED_PERMISSIONS, targets);
    if (required?.length && !(await this.permissions.hasAll(user.roles, required))) {
      throw RcError.forbidden();
    }
    return true;
  }
}
