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

/** Keys inside a login service's data that are credentials (tokens, secrets), never shown. */
const CREDENTIAL_KEY = /token|secret|key|hash|password|bcrypt|code/i;

/**
 * `services` as users.info shows them to their owner (Rocket.Chat's getFullUserData for oneself): which
 * services the account has, with every secret masked. `password` becomes `true`, `resume` keeps no token,
 * second factors only say whether they are on, login services keep their profile data but no credentials.
 */
export function maskedServices(services: IUser['services']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, data] of Object.entries(services ?? {})) {
    if (data === undefined || data === null) {
      continue;
    }
    if (name === 'password') {
      out.password = true;
    } else if (name === 'resume') {
      out.resume = {};
    } else if (name === 'totp' || name === 'email2fa') {
      out[name] = { enabled: !!(data as { enabled?: boolean }).enabled };
    } else if (name === 'email') {
      out.email = {};
    } else if (typeof data === 'object' && !Array.isArray(data)) {
      out[name] = Object.fromEntries(Object.entries(data).filter(([key]) => !CREDENTIAL_KEY.test(key)));
    }
  }
  return out;
}
