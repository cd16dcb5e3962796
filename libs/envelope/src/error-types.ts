import { RcError } from './rc-error';

/**
 * Every `errorType` this API answers with, spelled once. `RcError` only accepts these, so a new error type is
 * added here first; the factories below build the common ones with Rocket.Chat's texts.
 */
export const RC_ERROR_TYPES = [
  // parameters and input
  'invalid-params',
  'invalid-field',
  'error-invalid-body',
  'error-invalid-query',
  'error-invalid-sort',
  'error-invalid-fields',
  'error-invalid-date',
  'error-param-not-provided',
  'error-the-field-is-required',
  'error-input-is-not-a-valid-field',
  'error-field-unavailable',
  'error-invalid-email',
  'error-invalid-username',
  'error-invalid-password',
  'error-password-same-as-current',
  'error-bio-size-exceeded',
  'error-nickname-size-exceeded',
  'error-password-policy-not-met',
  'error-blocked-username',
  'error-invalid-setting-value',
  'Invalid JSON provided',
  'error-id-param-not-provided',
  'error-parameter-required',
  'error-email-send-failed',
  'error-user-registration-custom-field',
  'error-invalid-customfield-json',
  'error-could-not-save-identity',
  'error-invalid-status',
  'error-status-not-allowed',
  'error-invalid-file-type',
  'error-file-too-large',
  'error-avatar-invalid-url',
  'error-avatar-url-handling',
  'error-avatar-invalid-content-type',
  'No file uploaded',
  'invalid-file',
  'error-direct-message-file-upload-not-allowed',
  // users
  'error-invalid-user',
  'error-user-param-not-provided',
  'error-user-registration-disabled',
  'error-user-registration-secret',
  'error-cannot-delete-app-user',
  'user-last-owner',
  'error-invalid-user-id',
  '403',
  // rooms
  'error-room-not-found',
  'error-roomid-param-not-provided',
  'error-room-param-not-provided',
  'error-roomId-param-invalid',
  'error-invalid-room-name',
  'error-duplicate-channel-name',
  'error-room-archived',
  'error-invalid-room-type',
  'error-user-not-in-room',
  'error-you-are-last-owner',
  'error-remove-last-owner',
  'error-user-already-owner',
  'error-user-not-owner',
  'error-user-already-moderator',
  'error-user-not-moderator',
  'error-user-already-leader',
  'error-user-not-leader',
  'error-code-invalid',
  'error-users-params-not-provided',
  'error-empty-invite-list',
  'invalid-user-invite-list',
  'Cannot invite if no users are provided',
  'error-invalid-room',
  'error-channels-setdefault-is-same',
  'error-channels-setdefault-missing-default-param',
  'invalid-channel',
  'error-invalid-message',
  // messages
  'error-message-size-exceeded',
  'error-message-already-exists',
  'error-message-not-found',
  'error-message-editing-blocked',
  'error-message-deleting-blocked',
  'error-emoji-param-not-provided',
  'error-updatedSince-param-invalid',
  'error-lastUpdate-param-invalid',
  'error-param-required',
  'error-roomId-param-not-provided',
  'error-room-id-param-not-provided',
  'error-user-id-param-not-provided',
  'error-searchText-param-not-provided',
  'error-invalid-subscription',
  'error-messageid-param-not-provided',
  'error-file-upload-disabled',
  // direct messages, rooms.*, subscriptions, discussions, invites
  'error-endpoint-disabled',
  'error-direct-message-max-user-exceeded',
  'error-invalid-settings',
  'error-subscription-not-found',
  'error-no-message-for-unread',
  'error-invalid-arguments',
  'error-nested-discussion',
  'Not Allowed',
  'not_authorized',
  'error-invalid-token',
  'error-invite-expired',
  'invalid-number-of-days',
  'invalid-number-of-uses',
  'invalid-invitation-id',
  'error-room-type-not-allowed',
  // roles and permissions
  'error-role-not-found',
  'Role not found',
  'error-invalid-roleId',
  'error-invalid-role-properties',
  'error-duplicate-role-names-not-allowed',
  'error-user-already-in-role',
  'error-edit-permissions-not-allowed',
  'error-invalid-body-params',
  'error-invalid-permission',
  'error-invalid-role',
  'error-role-protected',
  'error-role-in-use',
  'error-user-not-in-role',
  'error-admin-required',
  // refusals
  'error-not-allowed',
  'error-action-not-allowed',
  'error-not-authorized',
  'not-authorized',
  'unauthorized',
  'error-unauthorized',
  // tokens and second factor
  'error-token-already-exists',
  'error-token-does-not-exists',
  'totp-required',
  'totp-invalid',
  // the platform
  'error-too-many-requests',
  'error-service-unavailable',
  'error-api-endpoint-not-found',
] as const;

export type RcErrorType = (typeof RC_ERROR_TYPES)[number];

/** The `error` codes of a refused `POST /login` (Meteor's login errors, answered 401). */
export const LOGIN_ERROR_CODES = [
  'Unauthorized',
  '400',
  '403',
  'error-user-is-not-activated',
  'error-field-unavailable',
  'Match.Error',
  'ServiceConfiguration.ConfigError',
  'Unexpected AccessToken service',
  'totp-required',
  'totp-invalid',
  'error-login-blocked-for-ip',
  'error-login-blocked-for-user',
  'registration-disabled-authentication-services',
] as const;

export type LoginErrorCode = (typeof LOGIN_ERROR_CODES)[number];

/** Rocket.Chat's text for a channel that does not exist (or is not a channel). */
export const ROOM_NOT_FOUND_TEXT = 'The required "roomId" or "roomName" param provided does not match any channel';

/** The errors answered in many places, with Rocket.Chat's wording. */
export const Errors = {
  invalidUser: (reason = 'Invalid user', details?: Record<string, unknown>) =>
    RcError.failure('error-invalid-user', reason, details),
  userParamNotProvided: () =>
    RcError.failure('error-user-param-not-provided', 'The required "userId" or "username" param was not provided'),
  userNotFoundByParams: () =>
    RcError.failure(
      'error-invalid-user',
      'The required "userId" or "username" param provided does not match any users',
    ),
  roomNotFound: (reason = ROOM_NOT_FOUND_TEXT) => RcError.failure('error-room-not-found', reason),
  roomParamNotProvided: () =>
    RcError.failure('error-roomid-param-not-provided', 'The parameter "roomId" or "roomName" is required'),
  notAllowed: (reason = 'Not allowed', details?: Record<string, unknown>) =>
    RcError.failure('error-not-allowed', reason, details),
  actionNotAllowed: (reason: string, details?: Record<string, unknown>) =>
    RcError.failure('error-action-not-allowed', reason, details),
  notAuthorized: (details?: Record<string, unknown>) =>
    RcError.failure('error-not-authorized', 'Not authorized', details),
  invalidChannel: () => RcError.failure('invalid-channel'),
  fieldUnavailable: (field: string, method = 'insertOrUpdateUser') =>
    RcError.failure('error-field-unavailable', `${field} is already in use :(`, { method, field }),
} as const;
