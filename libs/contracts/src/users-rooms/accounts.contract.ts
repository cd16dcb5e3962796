import type { TwoFactorInput } from './user-admin.contract';
/** users-rooms: personal access tokens, users.createToken, OAuth token logins, failed-login blocking. */
import { AuthUser } from '../common/types';

export const AccountsPattern = {
  GeneratePersonalAccessToken: 'users.generatePersonalAccessToken',
  RegeneratePersonalAccessToken: 'users.regeneratePersonalAccessToken',
  RemovePersonalAccessToken: 'users.removePersonalAccessToken',
  GetPersonalAccessTokens: 'users.getPersonalAccessTokens',
  CreateToken: 'users.createToken',
} as const;

export interface GeneratePersonalAccessTokenPayload {
  caller: AuthUser;
  tokenName?: string;
  bypassTwoFactor?: boolean;
  /** the PAT writes are `twoFactorRequired` routes */
  twoFactor?: TwoFactorInput;
}

export interface PersonalAccessTokenNamePayload {
  caller: AuthUser;
  tokenName?: string;
  twoFactor?: TwoFactorInput;
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

/** users.createToken: `userId`, `username` or `user` names the target. */
export interface CreateTokenPayload {
  caller: AuthUser;
  userId?: string;
  username?: string;
  user?: string;
}

export interface AccountsContract {
  [AccountsPattern.GeneratePersonalAccessToken]: {
    payload: GeneratePersonalAccessTokenPayload;
    result: { token: string };
  };
  [AccountsPattern.RegeneratePersonalAccessToken]: {
    payload: PersonalAccessTokenNamePayload;
    result: { token: string };
  };
  [AccountsPattern.RemovePersonalAccessToken]: {
    payload: PersonalAccessTokenNamePayload;
    result: Record<string, never>;
  };
  [AccountsPattern.GetPersonalAccessTokens]: {
    payload: { caller: AuthUser };
    result: { tokens: PersonalAccessTokenInfo[] };
  };
  [AccountsPattern.CreateToken]: {
    payload: CreateTokenPayload;
    result: { data: { userId: string; authToken: string } };
  };
}
