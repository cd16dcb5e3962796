/** users.*: presence and status, preferences and username suggestions. */
import type { CallerPayload, Empty, UserParams } from '../common/types';
import type { UserView } from '../documents';
import { definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const UsersProfilePattern = definePatterns({
  Presence: { pattern: 'users.presence', service: USERS_ROOMS_SERVICE },
  GetPresence: { pattern: 'users.getPresence', service: USERS_ROOMS_SERVICE },
  GetPreferences: { pattern: 'users.getPreferences', service: USERS_ROOMS_SERVICE },
  SetPreferences: { pattern: 'users.setPreferences', service: USERS_ROOMS_SERVICE },
  GetUsernameSuggestion: { pattern: 'users.getUsernameSuggestion', service: USERS_ROOMS_SERVICE },
  SetStatus: { pattern: 'users.setStatus', service: USERS_ROOMS_SERVICE },
  GetStatus: { pattern: 'users.getStatus', service: USERS_ROOMS_SERVICE },
});

export interface UsersPresencePayload extends CallerPayload {
  from?: string;
  ids?: string[];
}

export interface UsersGetPresencePayload extends CallerPayload, UserParams {}

export interface GetPresenceResult {
  presence: string;
  connectionStatus?: string;
  lastLogin?: Date;
}

export interface UsersSetPreferencesPayload extends CallerPayload {
  userId?: string | null;
  data: Record<string, unknown>;
}

/** users.setStatus: a `status`, a status `message`, or both; another user's needs `edit-other-user-info`. */
export interface UsersSetStatusPayload extends CallerPayload, UserParams {
  status?: string;
  message?: string;
}

export interface UsersGetStatusPayload extends CallerPayload, UserParams {}

export interface GetStatusResult {
  _id: string;
  status: string;
  connectionStatus?: string;
}

declare module '../registry' {
  interface RcContract {
    [UsersProfilePattern.Presence]: { payload: UsersPresencePayload; result: { users: UserView[]; full: boolean } };
    [UsersProfilePattern.GetPresence]: { payload: UsersGetPresencePayload; result: GetPresenceResult };
    [UsersProfilePattern.GetPreferences]: { payload: CallerPayload; result: { preferences: Record<string, unknown> } };
    [UsersProfilePattern.SetPreferences]: { payload: UsersSetPreferencesPayload; result: { user: UserView } };
    [UsersProfilePattern.GetUsernameSuggestion]: { payload: CallerPayload; result: { result: string } };
    [UsersProfilePattern.SetStatus]: { payload: UsersSetStatusPayload; result: Empty };
    [UsersProfilePattern.GetStatus]: { payload: UsersGetStatusPayload; result: GetStatusResult };
  }
}
