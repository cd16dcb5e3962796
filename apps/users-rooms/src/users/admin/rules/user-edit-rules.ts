import type { RcErrorType } from '@app/envelope';
import { matchesNamePattern } from '../../../common/regex';

/** A refusal in Rocket.Chat's words: its error code, reason and details. */
export interface Refusal {
  errorType: RcErrorType;
  reason: string;
  details?: Record<string, unknown>;
}

/** What the caller may do (permissions resolved beforehand). */
export interface EditorRights {
  editOtherUserInfo: boolean;
  editOtherUserPassword: boolean;
  assignRoles: boolean;
  assignAdminRole: boolean;
}

/** The `Accounts_Allow*` settings that gate profile changes. */
export interface ProfileSettings {
  Accounts_AllowUserProfileChange: boolean;
  Accounts_AllowUsernameChange: boolean;
  Accounts_AllowUserStatusMessageChange: boolean;
  Accounts_AllowRealNameChange: boolean;
  Accounts_AllowEmailChange: boolean;
  Accounts_AllowPasswordChange: boolean;
}

export interface EditTarget {
  _id: string;
  username?: string;
  name?: string;
  statusText?: string;
  emails?: { address: string }[];
  roles?: string[];
}

/** The fields of an edit that the rules look at. */
export interface UserChanges {
  username?: string;
  name?: string;
  statusText?: string;
  email?: string;
  password?: string;
  roles?: string[];
  verified?: boolean;
}

const refuse = (reason: string, action: string): Refusal => ({
  errorType: 'error-action-not-allowed',
  reason,
  details: { method: 'insertOrUpdateUser', action },
});

/**
 * Rocket.Chat's validateUserData for an update: verification of one's own e-mail, editing others, unknown
 * roles, the admin role, the username pattern. Returns the first refusal, or null.
 */
export function checkUserData(
  callerId: string,
  targetId: string,
  changes: UserChanges,
  rights: EditorRights,
  existingRoles: readonly string[],
  usernamePattern: string,
): Refusal | null {
  if (changes.verified && callerId === targetId) {
    return refuse('Editing email verification is not allowed', 'Editing_user');
  }
  if (callerId !== targetId && !rights.editOtherUserInfo) {
    return refuse('Editing user is not allowed', 'Editing_user');
  }
  if (changes.roles && changes.roles.some((r) => !existingRoles.includes(r))) {
    return refuse('The field Roles consist invalid role id', 'Assign_role');
  }
  if (changes.roles?.includes('admin') && !rights.assignAdminRole) {
    return refuse('Assigning admin is not allowed', 'Assign_admin');
  }
  if (changes.username && !matchesNamePattern(changes.username, usernamePattern)) {
    return {
      errorType: 'error-input-is-not-a-valid-field',
      reason: `${changes.username} is not a valid username`,
      details: { method: 'insertOrUpdateUser', input: changes.username, field: 'Username' },
    };
  }
  return null;
}

const changed = (previous: string | undefined, next: string | undefined) =>
  typeof next !== 'undefined' && next !== previous;

const rolesChanged = (previous: readonly string[], next?: readonly string[]) =>
  next !== undefined && (next.some((r) => !previous.includes(r)) || previous.some((r) => !next.includes(r)));

/**
 * Rocket.Chat's validateUserEditing: role changes need `assign-roles`; each field is gated by its
 * `Accounts_Allow*` setting unless an editor with `edit-other-user-info` (or `-password`) edits someone else.
 */
export function checkUserEditing(
  callerId: string,
  target: EditTarget,
  changes: UserChanges,
  rights: EditorRights,
  settings: ProfileSettings,
): Refusal | null {
  const editingMyself = callerId === target._id;
  const otherInfoOverride = rights.editOtherUserInfo && !editingMyself;
  if (rolesChanged(target.roles ?? [], changes.roles) && !rights.assignRoles) {
    return refuse('Assign roles is not allowed', 'Assign_role');
  }
  const action = 'Update_user';
  if (!settings.Accounts_AllowUserProfileChange && !rights.editOtherUserInfo && !rights.editOtherUserPassword) {
    return refuse('Edit user profile is not allowed', action);
  }
  if (changed(target.username, changes.username) && !settings.Accounts_AllowUsernameChange && !otherInfoOverride) {
    return refuse('Edit username is not allowed', action);
  }
  if (
    changed(target.statusText, changes.statusText) &&
    !settings.Accounts_AllowUserStatusMessageChange &&
    !otherInfoOverride
  ) {
    return refuse('Edit user status is not allowed', action);
  }
  if (changed(target.name, changes.name) && !settings.Accounts_AllowRealNameChange && !otherInfoOverride) {
    return refuse('Edit user real name is not allowed', action);
  }
  if (
    target.emails?.[0] &&
    changed(target.emails[0].address, changes.email) &&
    !settings.Accounts_AllowEmailChange &&
    !otherInfoOverride
  ) {
    return refuse('Edit user email is not allowed', action);
  }
  if (changes.password && !settings.Accounts_AllowPasswordChange && !(rights.editOtherUserPassword && !editingMyself)) {
    return refuse('Edit user password is not allowed', action);
  }
  return null;
}

/**
 * users.update stores a new password only when it is not blank and the caller holds `edit-other-user-password`
 * (even for their own account); otherwise Rocket.Chat ignores it silently.
 */
export function passwordWillChange(password: string | undefined | null, rights: EditorRights): boolean {
  return !!password?.trim() && rights.editOtherUserPassword;
}

/** Rocket.Chat's limits on profile text. */
export const MAX_BIO_LENGTH = 260;
export const MAX_NICKNAME_LENGTH = 120;
export const MAX_STATUS_TEXT_LENGTH = 120;

/** The statuses a user may choose (`offline` is "invisible", allowed by `Accounts_AllowInvisibleStatusOption`). */
export const USER_STATUSES = ['online', 'away', 'busy', 'offline'] as const;
