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

interface RouteAuth {
  isPublic: boolean;
  optional: boolean;
  required: string[];
}

/** Tokens whose hash is kept (cleared when full: a hash is cheap to compute again). */
const MAX_HASHED_TOKENS = 50_000;

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

  /** A route's auth metadata, read once per handler (the decorators never change at run time). */
  private readonly routes = new WeakMap<object, RouteAuth>();
  /** X-Auth-Token → its hash: a client sends the same token with every request */
  private readonly hashes = new Map<string, string>();

  private routeAuth(context: ExecutionContext): RouteAuth {
    const handler = context.getHandler();
    let auth = this.routes.get(handler);
    if (!auth) {
      const targets = [handler, context.getClass()];
      auth = {
        isPublic: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
        optional: this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH, targets) === true,
        required: this.reflector.getAllAndOverride<string[]>(REQUIRED_PERMISSIONS, targets) ?? [],
      };
      this.routes.set(handler, auth);
    }
    return auth;
  }

  private hash(token: string): string {
    let hashed = this.hashes.get(token);
    if (hashed === undefined) {
      if (this.hashes.size >= MAX_HASHED_TOKENS) {
        this.hashes.clear();
      }
      hashed = hashLoginToken(token);
      this.hashes.set(token, hashed);
    }
    return hashed;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { isPublic, optional, required } = this.routeAuth(context);
    const req = context.switchToHttp().getRequest<HeaderRequest>();
    if (isPublic && !optional) {
      return true;
    }
    const userId = header(req, 'x-user-id');
    const token = header(req, 'x-auth-token');
    const user = userId && token ? await this.resolver.resolve(userId, this.hash(token)) : null;
    if (!user) {
      if (isPublic || optional) {
        return true;
      }
      throw RcError.notLoggedIn();
    }
    req.user = user;
    if (required.length && !(await this.permissions.hasAll(user.roles, required))) {
      throw RcError.forbidden();
    }
    return true;
  }
}
