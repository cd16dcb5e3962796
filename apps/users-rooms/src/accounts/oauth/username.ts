/**
 * Usernames for users created by an OAuth login, derived as Rocket.Chat's `generateUsernameSuggestion` does:
 * the name, initial + last name, first name + initial, then the e-mail's local part (verified addresses only),
 * then `<first candidate or prefix>-<n>` until one is free.
 */

/** Rocket.Chat slugifies names (`UTF8_Names_Slugify`, limax with `.`): lower case ASCII, `.` between words. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^0-9a-z-_.]+/g, '.')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.\-_]+|[.\-_]+$/g, '');
}

export interface UsernameSource {
  name?: string;
  /** `UTF8_Names_Slugify` (default true); false keeps the name as typed (often not a valid username) */
  slugifyNames?: boolean;
  email?: string;
  emailVerified?: boolean;
}

/** Candidate usernames in order of preference, without duplicates or empties. */
export function usernameCandidates(src: UsernameSource): string[] {
  const out: string[] = [];
  const name = src.name?.trim();
  const named = (text: string) => (src.slugifyNames === false ? text : slugify(text));
  if (name) {
    out.push(named(name));
    const parts = name.split(/\s+/);
    if (parts.length > 1) {
      const first = parts[0];
      const last = parts[parts.length - 1];
      out.push(named(first[0] + last), named(first + last[0]));
    }
  }
  if (src.email && src.emailVerified) {
    out.push(slugify(src.email.replace(/@.+$/, '')));
    out.push(slugify(src.email.replace(/(.+)@(\w+).+/, '$1.$2')));
  }
  return [...new Set(out.filter((u) => u.length > 0 && u !== 'all'))];
}

/** The fallback `<base>-<n>`. */
export function numberedUsername(base: string, n: number): string {
  return `${base}-${n}`;
}
