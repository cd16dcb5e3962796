/** users.*: creating, reading, listing, editing, activating, deleting and registering users. */
import type { CallerPayload, Empty, ListPayload, Paged, RawBodyPayload, TwoFactorPayload } from '../common/types';
import type { IExportOperation, UserView } from '../documents';
import { definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const UsersPattern = definePatterns({
  Create: { pattern: 'users.create', service: USERS_ROOMS_SERVICE },
  Info: { pattern: 'users.info', service: USERS_ROOMS_SERVICE },
  List: { pattern: 'users.list', service: USERS_ROOMS_SERVICE },
  Update: { pattern: 'users.update', service: USERS_ROOMS_SERVICE },
  UpdateOwnBasicInfo: { pattern: 'users.updateOwnBasicInfo', service: USERS_ROOMS_SERVICE },
  SetActiveStatus: { pattern: 'users.setActiveStatus', service: USERS_ROOMS_SERVICE },
  Delete: { pattern: 'users.delete', service: USERS_ROOMS_SERVICE },
  DeleteOwnAccount: { pattern: 'users.deleteOwnAccount', service: USERS_ROOMS_SERVICE },
  DeactivateIdle: { pattern: 'users.deactivateIdle', service: USERS_ROOMS_SERVICE },
  Register: { pattern: 'users.register', service: USERS_ROOMS_SERVICE },
  ForgotPassword: { pattern: 'users.forgotPassword', service: USERS_ROOMS_SERVICE },
  RequestDataDownload: { pattern: 'users.requestDataDownload', service: USERS_ROOMS_SERVICE },
  ListByStatus: { pattern: 'users.listByStatus', service: USERS_ROOMS_SERVICE },
  Autocomplete: { pattern: 'users.autocomplete', service: USERS_ROOMS_SERVICE },
  CheckUsernameAvailability: { pattern: 'users.checkUsernameAvailability', service: USERS_ROOMS_SERVICE },
  ListTeams: { pattern: 'users.listTeams', service: USERS_ROOMS_SERVICE },
  SendConfirmationEmail: { pattern: 'users.sendConfirmationEmail', service: USERS_ROOMS_SERVICE },
  SendWelcomeEmail: { pattern: 'users.sendWelcomeEmail', service: USERS_ROOMS_SERVICE },
});

/** Fields users.list's `query` may filter on (the gateway checks these; the service narrows them per caller). */
export const USERS_LIST_QUERY_FIELDS = [
  '_id',
  'username',
  'name',
  'type',
  'active',
  'status',
  'statusText',
  'roles',
  'emails',
  'createdAt',
  'lastLogin',
  'nickname',
  'bio',
  'utcOffset',
  'language',
  '_updatedAt',
  'avatarETag',
] as const;

/** Never selectable through `fields`, whoever asks. */
export const HIDDEN_USER_FIELDS = ['services', 'e2e', 'inviteToken'] as const;

/** The user fields users.create accepts (Rocket.Chat's schema: these keys only). */
export interface NewUserFields {
  email: string;
  name: string;
  password: string;
  username: string;
  active?: boolean;
  bio?: string;
  nickname?: string;
  statusText?: string;
  roles?: string[];
  joinDefaultChannels?: boolean;
  requirePasswordChange?: boolean;
  setRandomPassword?: boolean;
  sendWelcomeEmail?: boolean;
  verified?: boolean;
  customFields?: Record<string, unknown>;
}

export interface UsersCreatePayload extends CallerPayload, NewUserFields {}

export interface UsersInfoPayload extends CallerPayload {
  userId?: string;
  username?: string;
  user?: string;
  includeUserRooms?: boolean;
  fields?: Record<string, 0 | 1>;
}

/** users.update `data`: the users.create keys, all optional (and nullable), plus `status`. */
export type UsersUpdateData = { [K in keyof NewUserFields]?: NewUserFields[K] | null } & { status?: string | null };

export interface UsersUpdatePayload extends TwoFactorPayload {
  userId: string;
  data: UsersUpdateData;
  confirmRelinquish?: boolean;
}

export interface UsersUpdateOwnBasicInfoData {
  email?: string | null;
  name?: string | null;
  username?: string | null;
  nickname?: string | null;
  bio?: string | null;
  statusText?: string | null;
  statusType?: string | null;
  /** SHA-256 hex of the current password (the second factor for e-mail and password changes) */
  currentPassword?: string | null;
  newPassword?: string | null;
}

export interface UsersUpdateOwnBasicInfoPayload extends CallerPayload {
  data: UsersUpdateOwnBasicInfoData;
  customFields?: Record<string, unknown> | null;
}

export interface UsersSetActiveStatusPayload extends CallerPayload {
  userId: string;
  activeStatus: boolean;
  confirmRelinquish?: boolean | null;
}

export interface DeactivateIdlePayload extends CallerPayload {
  daysIdle: number;
  role?: string;
}

/** users.register: a public route, so no caller (credentials sent along are ignored, as Rocket.Chat does). */
export interface RegisterPayload {
  username: string;
  email: string;
  pass: string;
  name?: string;
  secret?: string;
  reason?: string;
  customFields?: Record<string, unknown>;
}

export interface ForgotPasswordPayload {
  email?: string;
}

export interface RequestDataDownloadPayload extends CallerPayload {
  fullExport?: boolean;
}
/** users.listByStatus (7.x): users by activation state, login, type and roles, searched by `searchTerm`. */
export interface UsersListByStatusPayload extends CallerPayload {
  offset: number;
  count: number;
  sort?: Record<string, 1 | -1>;
  status?: 'active' | 'deactivated';
  hasLoggedIn?: boolean;
  type?: string;
  roles?: string[];
  searchTerm?: string;
}

/** users.autocomplete's `selector` (JSON): the search `term`, usernames to leave out, extra `conditions`. */
export interface UsersAutocompleteSelector {
  term?: string;
  exceptions?: string[];
  conditions?: Record<string, unknown>;
}

export interface UsersAutocompletePayload extends CallerPayload {
  selector: UsersAutocompleteSelector;
}

export interface UsersCheckUsernameAvailabilityPayload extends CallerPayload {
  username: string;
}

export interface UsersListTeamsPayload extends CallerPayload {
  userId: string;
}

export interface UsersEmailPayload extends CallerPayload {
  email: string;
}

export interface RequestDataDownloadResult {
  requested: boolean;
  exportOperation: IExportOperation;
}

declare module '../registry' {
  interface RcContract {
    [UsersPattern.Create]: { payload: UsersCreatePayload; result: { user: UserView } };
    [UsersPattern.Info]: { payload: UsersInfoPayload; result: { user: UserView } };
    [UsersPattern.List]: { payload: ListPayload; result: Paged<'users', UserView> };
    [UsersPattern.Update]: { payload: UsersUpdatePayload; result: { user: UserView } };
    [UsersPattern.UpdateOwnBasicInfo]: { payload: UsersUpdateOwnBasicInfoPayload; result: { user: UserView } };
    [UsersPattern.SetActiveStatus]: { payload: UsersSetActiveStatusPayload; result: { user: UserView } };
    [UsersPattern.Delete]: { payload: RawBodyPayload; result: Empty };
    [UsersPattern.DeleteOwnAccount]: { payload: RawBodyPayload; result: Empty };
    [UsersPattern.DeactivateIdle]: { payload: DeactivateIdlePayload; result: { count: number } };
    [UsersPattern.Register]: { payload: RegisterPayload; result: { user: UserView } };
    [UsersPattern.ForgotPassword]: { payload: ForgotPasswordPayload; result: Empty };
    [UsersPattern.RequestDataDownload]: { payload: RequestDataDownloadPayload; result: RequestDataDownloadResult };
    [UsersPattern.ListByStatus]: { payload: UsersListByStatusPayload; result: Paged<'users', UserView> };
    [UsersPattern.Autocomplete]: { payload: UsersAutocompletePayload; result: { items: UserView[] } };
    [UsersPattern.CheckUsernameAvailability]: {
      payload: UsersCheckUsernameAvailabilityPayload;
      result: { result: boolean };
    };
    [UsersPattern.ListTeams]: { payload: UsersListTeamsPayload; result: { teams: Record<string, unknown>[] } };
    [UsersPattern.SendConfirmationEmail]: { payload: UsersEmailPayload; result: Empty };
    [UsersPattern.SendWelcomeEmail]: { payload: UsersEmailPayload; result: Empty };
  }
}
