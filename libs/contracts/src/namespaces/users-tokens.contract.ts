/** users.*: personal access tokens, users.createToken, and ending sessions. */
import type { CallerPayload, Empty, TwoFactorPayload, UserParams } from '../common/types';
import { definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const UsersTokensPattern = definePatterns({
  GeneratePersonalAccessToken: { pattern: 'users.generatePersonalAccessToken', service: USERS_ROOMS_SERVICE },
  RegeneratePersonalAccessToken: { pattern: 'users.regeneratePersonalAccessToken', service: USERS_ROOMS_SERVICE },
  RemovePersonalAccessToken: { pattern: 'users.removePersonalAccessToken', service: USERS_ROOMS_SERVICE },
  GetPersonalAccessTokens: { pattern: 'users.getPersonalAccessTokens', service: USERS_ROOMS_SERVICE },
  CreateToken: { pattern: 'users.createToken', service: USERS_ROOMS_SERVICE },
  Logout: { pattern: 'users.logout', service: USERS_ROOMS_SERVICE },
  LogoutOtherClients: { pattern: 'users.logoutOtherClients', service: USERS_ROOMS_SERVICE },
  RemoveOtherTokens: { pattern: 'users.removeOtherTokens', service: USERS_ROOMS_SERVICE },
});

export interface GeneratePersonalAccessTokenPayload extends TwoFactorPayload {
  tokenName?: string;
  bypassTwoFactor?: boolean;
}

export interface PersonalAccessTokenNamePayload extends TwoFactorPayload {
  tokenName?: string;
}

/** A personal access token as users.getPersonalAccessTokens lists it (never the secret). */
export interface PersonalAccessTokenInfo {
  name: string;
  /** ISO date */
  createdAt: string;
  /** last 6 characters of the token, so the owner can tell tokens apart */
  lastTokenPart: string;
  bypassTwoFactor: boolean;
}

/**
 * users.createToken: `userId`, `username` or `user` names the target; `secret` must equal the server's
 * CREATE_TOKENS_FOR_USERS_SECRET when one is set (newer clients send it).
 */
export interface CreateTokenPayload extends CallerPayload, UserParams {
  secret?: string;
}

/** users.logout: every session of `userId` (another user's needs `logout-other-user`), or the caller's. */
export interface UsersLogoutPayload extends CallerPayload {
  userId?: string | null;
}

declare module '../registry' {
  interface RcContract {
    [UsersTokensPattern.GeneratePersonalAccessToken]: {
      payload: GeneratePersonalAccessTokenPayload;
      result: { token: string };
    };
    [UsersTokensPattern.RegeneratePersonalAccessToken]: {
      payload: PersonalAccessTokenNamePayload;
      result: { token: string };
    };
    [UsersTokensPattern.RemovePersonalAccessToken]: { payload: PersonalAccessTokenNamePayload; result: Empty };
    [UsersTokensPattern.GetPersonalAccessTokens]: {
      payload: CallerPayload;
      result: { tokens: PersonalAccessTokenInfo[] };
    };
    [UsersTokensPattern.CreateToken]: {
      payload: CreateTokenPayload;
      result: { data: { userId: string; authToken: string } };
    };
    [UsersTokensPattern.Logout]: { payload: UsersLogoutPayload; result: { message: string } };
    /** the gateway adds `token` (the caller's own X-Auth-Token, which never leaves the gateway) */
    [UsersTokensPattern.LogoutOtherClients]: { payload: CallerPayload; result: { tokenExpires: string } };
    [UsersTokensPattern.RemoveOtherTokens]: { payload: CallerPayload; result: Empty };
  }
}
