import type { FilterQuery } from 'mongoose';
import type { AuthUser, IMessage } from '@app/contracts';

/** Longest search text taken (the rest is dropped): the regular expression stays bounded. */
export const MAX_SEARCH_TEXT = 256;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactName = (name: string) => ({ $regex: `^${escapeRegExp(name)}$`, $options: 'i' });

/** `dd/mm/yyyy`, `dd-mm-yyyy` or `dd.mm.yyyy` → that day at 00:00 UTC (Rocket.Chat's search dates). */
function day(value: string): Date | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!m) {
    return null;
  }
  const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Rocket.Chat's message search text (parseMessageSearchQuery): `from:user`, `mention:user` (`me` is the caller),
 * `has:star`, `is:pinned` / `has:pin`, `has:url` / `has:link`, `has:location`, `before:` / `after:` / `on:` a day,
 * `order:asc|desc`; the words left are matched case-insensitively as one escaped regular expression.
 */
export function messageSearchFilter(
  searchText: string,
  caller: Pick<AuthUser, '_id' | 'username'>,
): { filter: FilterQuery<IMessage>; sort?: Record<string, 1 | -1> } {
  const filter: FilterQuery<IMessage> = {};
  const ts: Record<string, Date> = {};
  let sort: Record<string, 1 | -1> | undefined;
  const me = (name: string) => (name === 'me' ? caller.username : name);
  const words: string[] = [];
  for (const token of searchText.slice(0, MAX_SEARCH_TEXT).trim().split(/\s+/)) {
    const [, key, value] = /^([a-z]+):(.+)$/i.exec(token) ?? [];
    switch (key?.toLowerCase()) {
      case 'from':
        filter['u.username'] = exactName(me(value.replace(/^@/, '')));
        continue;
      case 'mention':
        filter['mentions.username'] = exactName(me(value.replace(/^@/, '')));
        continue;
      case 'has':
      case 'is': {
        const what = value.toLowerCase();
        if (what === 'star' || what === 'starred') {
          filter['starred._id'] = caller._id;
          continue;
        }
        if (what === 'pin' || what === 'pinned') {
          filter.pinned = true;
          continue;
        }
        if (what === 'url' || what === 'link') {
          filter['urls.0'] = { $exists: true };
          continue;
        }
        if (what === 'location') {
          filter.location = { $exists: true };
          continue;
        }
        break;
      }
      case 'before':
      case 'after':
      case 'on': {
        const d = day(value);
        if (d) {
          const next = new Date(d.getTime() + 86_400_000);
          if (key.toLowerCase() === 'before') {
            ts.$lt = d;
          } else if (key.toLowerCase() === 'after') {
            ts.$gte = next;
          } else {
            ts.$gte = d;
            ts.$lt = next;
          }
          continue;
        }
        break;
      }
      case 'order':
        if (/^(asc|desc)$/i.test(value)) {
          sort = { ts: value.toLowerCase() === 'asc' ? 1 : -1 };
          continue;
        }
        break;
      default:
        break;
    }
    if (token) {
      words.push(token);
    }
  }
  if (Object.keys(ts).length) {
    filter.ts = ts;
  }
  const text = words.join(' ');
  if (text) {
    filter.msg = { $regex: escapeRegExp(text), $options: 'i' };
  }
  return { filter, sort };
}
