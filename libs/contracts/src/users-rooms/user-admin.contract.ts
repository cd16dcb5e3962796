import { AuthUser, Doc } from '../common/types';

/** users-rooms: roles.*, permissions.*, users.update/updateOwnBasicInfo/setActiveStatus/delete/deleteOwnAccount, presence, preferences, username suggestion. */
export const UserAdminPattern = {
  RolesCreate: 'roles.create',
  RolesList: 'roles.list',
  RolesAddUserToRole: 'roles.addUserToRole',
  RolesGetUsersInRole: 'roles.getUsersInRole',
  PermissionsListAll: 'permissions.listAll',
  PermissionsUpdate: 'permissions.update',
  UsersUpdate: 'users.update',
  UsersUpdateOwnBasicInfo: 'users.updateOwnBasicInfo',
  UsersSetActiveStatus: 'users.setActiveStatus',
  UsersDelete: 'users.delete',
  UsersDeleteOwnAccount: 'users.deleteOwnAccount',
  UsersPresence: 'users.presence',
  UsersGetPresence: 'users.getPresence',
  UsersGetPreferences: 'users.getPreferences',
  UsersSetPreferences: 'users.setPreferences',
  UsersGetUsernameSuggestion: 'users.getUsernameSuggestion',
} as const;

/** The `x-2fa-code` / `x-2fa-method` headers of a request to a route Rocket.Chat flags `twoFactorRequired`. */
export interface TwoFactorInput {
  code?: string;
  method?: string;
}

/**
 * A body Rocket.Chat checks inside the handler (its own error codes, not `invalid-params`), so the gateway
 * forwards it untouched and the service validates it.
 */
export interface RawBodyPayload {
  caller: AuthUser;
  body: Record<string, unknown>;
}

export interface RolesGetUsersInRolePayload {
  caller: AuthUser;
  role?: string;
  roomId?: string;
  offset: number;
  count: number;
}

export interface PermissionsListAllPayload {
  caller: AuthUser;
  updatedSince?: string;
}

/** users.update `data` (Rocket.Chat's schema: these keys only). */
export interface UsersUpdateData {
  email?: string | null;
  name?: string | null;
  password?: string | null;
  username?: string | null;
  bio?: string | null;
  nickname?: string | null;
  statusText?: string | null;
  active?: boolean | null;
  roles?: string[] | null;
  joinDefaultChannels?: boolean | null;
  requirePasswordChange?: boolean | null;
  setRandomPassword?: boolean | null;
  sendWelcomeEmail?: boolean | null;
  verified?: boolean | null;
  customFields?: Record<string, unknown> | null;
  status?: string | null;
}

export interface UsersUpdatePayload {
  caller: AuthUser;
  userId: string;
  data: UsersUpdateData;
  confirmRelinquish?: boolean;
  twoFactor?: TwoFactorInput;
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

export interface UsersUpdateOwnBasicInfoPayload {
  caller: AuthUser;
  data: UsersUpdateOwnBasicInfoData;
  customFields?: Record<string, unknown> | null;
}

export interface UsersSetActiveStatusPayload {
  caller: AuthUser;
  userId: string;
  activeStatus: boolean;
  confirmRelinquish?: boolean | null;
}

/** `userId`, `username` or `user` (Rocket.Chat's getUserFromParams). */
export interface UserParams {
  userId?: string;
  username?: string;
  user?: string;
}

export interface UsersGetPresencePayload extends UserParams {
  caller: AuthUser;
}

export interface UsersPresencePayload {
  caller: AuthUser;
  from?: string;
  ids?: string[];
}

export interface UsersSetPreferencesPayload {
  caller: AuthUser;
  userId?: string | null;
  data: Record<string, unknown>;
}

export interface UserAdminContract {
  [UserAdminPattern.RolesCreate]: { payload: RawBodyPayload; result: { role: Doc } };
  [UserAdminPattern.RolesList]: { payload: { caller: AuthUser }; result: { roles: Doc[] } };
  [UserAdminPattern.RolesAddUserToRole]: { payload: RawBodyPayload; result: { role: Doc } };
  [UserAdminPattern.RolesGetUsersInRole]: {
    payload: RolesGetUsersInRolePayload;
    result: { users: Doc[]; total: number };
  };
  [UserAdminPattern.PermissionsListAll]: {
    payload: PermissionsListAllPayload;
    result: { update: Doc[]; remove: Doc[] };
  };
  [UserAdminPattern.PermissionsUpdate]: { payload: RawBodyPayload; result: { permissions: Doc[] } };
  [UserAdminPattern.UsersUpdate]: { payload: UsersUpdatePayload; result: { user: Doc } };
  [UserAdminPattern.UsersUpdateOwnBasicInfo]: { payload: UsersUpdateOwnBasicInfoPayload; result: { user: Doc } };
  [UserAdminPattern.UsersSetActiveStatus]: { payload: UsersSetActiveStatusPayload; result: { user: Doc } };
  [UserAdminPattern.UsersDelete]: { payload: RawBodyPayload; result: Record<string, never> };
  [UserAdminPattern.UsersDeleteOwnAccount]: { payload: RawBodyPayload; result: Record<string, never> };
  [UserAdminPattern.UsersPresence]: { payload: UsersPresencePayload; result: { users: Doc[]; full: boolean } };
  [UserAdminPattern.UsersGetPresence]: { payload: UsersGetPresencePayload; result: Doc };
  [UserAdminPattern.UsersGetPreferences]: { payload: { caller: AuthUser }; result: { preferences: Doc } };
  [UserAdminPattern.UsersSetPreferences]: { payload: UsersSetPreferencesPayload; result: { user: Doc } };
  [UserAdminPattern.UsersGetUsernameSuggestion]: { payload: { caller: AuthUser }; result: { result: string } };
}
