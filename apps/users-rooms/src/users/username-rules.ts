import { RcError } from '@app/envelope';

/** Names no user may take whatever the settings say (`@all` and `@here` are mentions). */
const ALWAYS_BLOCKED = ['all', 'here'];

/**
 * Rocket.Chat's blocked-name rules (checkUsernameAvailability / validateName): `all`, `here`, the admin's
 * `Accounts_BlockedUsernameList` and the built-in `Accounts_SystemBlockedUsernameList` (`admin`,
 * `administrator`, `system`, `user`), compared without case. Lists are comma-separated.
 */
export function isBlockedUsername(username: string, ...lists: (string | undefined)[]): boolean {
  const name = username.trim().toLowerCase();
  if (!name) {
    return false;
  }
  return [ALWAYS_BLOCKED.join(','), ...lists].some((list) =>
    String(list ?? '')
      .split(',')
      .map((n) => n.trim().toLowerCase())
      .filter(Boolean)
      .includes(name),
  );
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Rocket.Chat's answer to a blocked name (the name HTML-escaped, as it prints it). */
export function blockedUsernameError(username: string): RcError {
  const shown = username.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
  return RcError.failure('error-blocked-username', `${shown} is blocked and can't be used!`, {
    method: 'checkUsernameAvailability',
    field: username,
  });
}
