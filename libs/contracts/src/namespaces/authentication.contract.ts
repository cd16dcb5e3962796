/** login, logout, me. */
import type { CallerPayload } from '../common/types';
import type { UserView } from '../documents';
import { definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const AuthenticationPattern = definePatterns({
  Login: { pattern: 'login', service: USERS_ROOMS_SERVICE },
  Logout: { pattern: 'logout', service: USERS_ROOMS_SERVICE },
  Me: { pattern: 'me', service: USERS_ROOMS_SERVICE },
});

export interface LoginPayload {
  /** the request body as received (every Rocket.Chat login form) */
  body: Record<string, unknown>;
  /** x-2fa-code header, if any */
  twoFactorCode?: string;
  ip: string;
}
export interface LoginResult {
  userId: string;
  authToken: string;
  me: UserView;
}

declare module '../registry' {
  interface RcContract {
    [AuthenticationPattern.Login]: { payload: LoginPayload; result: LoginResult };
    [AuthenticationPattern.Logout]: { payload: CallerPayload; result: { message: string } };
    [AuthenticationPattern.Me]: { payload: CallerPayload; result: UserView };
  }
}
