import { matchesNamePattern } from '../../common/regex';

/**
 * Rocket.Chat's username slug (limax with `.` as separator, then only `[0-9a-z-_.]`): accents dropped, lower
 * case, runs of other characters become one dot, no dots at either end.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/gi, 'ae')
    .replace(/ø/gi, 'o')
    .replace(/đ/gi, 'd')
    .replace(/ł/gi, 'l')
    .toLowerCase()
    .replace(/[^0-9a-z]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .replace(/[^0-9a-z-_.]/g, '');
}

export interface SuggestionSource {
  name?: string;
  emails?: { address?: string; verified?: boolean }[];
}

/**
 * Candidate usernames in Rocket.Chat's order (generateUsernameSuggestion): the full name, first initial +
 * last name, first name + last initial, then the local part of each verified e-mail and `local.domain`.
 * Names are slugified when `UTF8_Names_Slugify` is on; e-mail parts always are. Empty ones, `all` (reserved)
 * and names the `UTF8_User_Names_Validation` pattern rejects are left out; duplicates keep their first place.
 */
export function usernameCandidates(
  user: SuggestionSource,
  options: { slugifyNames: boolean; pattern: string },
): string[] {
  const name = (text: string) => (options.slugifyNames ? slugify(text) : text);
  const out: string[] = [];
  const fullName = user.name?.trim();
  if (fullName) {
    out.push(name(fullName));
    const parts = fullName.split(/\s+/);
    if (parts.length > 1) {
      const first = parts[0];
      const last = parts[parts.length - 1];
      out.push(name(first[0] + last));
      out.push(name(first + last[0]));
    }
  }
  for (const email of user.emails ?? []) {
    if (email.address && email.verified === true) {
      out.push(slugify(email.address.replace(/@.+$/, '')));
      out.push(slugify(email.address.replace(/(.+)@(\w+).+/, '$1.$2')));
    }
  }
  return [...new Set(out)].filter((u) => u && u !== 'all' && matchesNamePattern(u, options.pattern));
}

/** When every candidate is taken: `<first candidate or prefix>-<n>`, counting up from the number of such names. */
export function numberedSuggestion(base: string, index: number): string {
  return `${base}-${index}`;
}
