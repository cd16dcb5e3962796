import type { IUser, UserView } from '@app/contracts';

/**
 * Which user fields a caller may see, as Rocket.Chat's API restricts them (CONVENTIONS §5). `services` is
 * never returned to anyone; secrets inside it (password hashes, login tokens) never leave the service.
 */

/** Fields of other users that callers without `view-full-other-user-info` may not select or query. */
export const LIMITED_USER_FIELDS = [
  'avatarOrigin',
  'emails',
  'phone',
  'statusConnection',
  'createdAt',
  'lastLogin',
  'services',
  'requirePasswordChange',
  'requirePasswordChangeReason',
  'roles',
  'statusDefault',
  '_updatedAt',
  'settings',
  'inviteToken',
] as const;

/** users.list default projection (7.x). */
export const USERS_LIST_DEFAULT_FIELDS: Record<string, 1> = {
  name: 1,
  username: 1,
  emails: 1,
  roles: 1,
  status: 1,
  active: 1,
  avatarETag: 1,
  lastLogin: 1,
  type: 1,
};

export const USERS_LIST_QUERY_FIELDS_LIMITED = [
  '_id',
  'username',
  'name',
  'type',
  'active',
  'status',
  'statusText',
  'nickname',
  'bio',
  'utcOffset',
  'avatarETag',
];

/** users.info fields for callers who may not see everything (Rocket.Chat's default user fields). */
export const PUBLIC_USER_FIELDS: Record<string, 1> = {
  name: 1,
  username: 1,
  nickname: 1,
  status: 1,
  statusText: 1,
  utcOffset: 1,
  type: 1,
  active: 1,
  bio: 1,
  avatarETag: 1,
  reason: 1,
  customFields: 1,
};

/** Removes what must never be returned from a user document. */
export function stripSecrets(user: Partial<IUser> & { _id: string }): UserView {
  const { services: _services, e2e: _e2e, inviteToken: _inviteToken, ...rest } = user;
  return rest;
}
