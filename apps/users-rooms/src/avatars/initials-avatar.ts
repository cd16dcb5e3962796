import { createHash } from 'node:crypto';

/**
 * Rocket.Chat's default avatar: a colored square with the name's initial(s), as an SVG. The color depends on
 * the length of the name (Rocket.Chat's six-color palette), the letters are ASCII letters and digits only.
 */

export const MIN_AVATAR_SIZE = 16;
export const MAX_AVATAR_SIZE = 1024;
const DEFAULT_AVATAR_SIZE = 200;
const MAX_INITIALS = 3;
const PALETTE = ['#158D65', '#7F1B9F', '#B68D00', '#E26D0E', '#10529E', '#6C727A'];

/** Last-Modified of every initials avatar (Rocket.Chat answers 304 when a client sends it back). */
export const INITIALS_LAST_MODIFIED = 'Thu, 01 Jan 2015 00:00:00 GMT';

export function avatarColor(name: string): string {
  return PALETTE[name.length % PALETTE.length];
}

function firstLetter(word: string): string {
  return word
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 1)
    .toUpperCase();
}

/** One letter, or (for real names) the first letter of up to three words. */
export function initialsOf(name: string, allInitials = false): string {
  if (!allInitials) {
    return firstLetter(name);
  }
  return name.split(' ').slice(0, MAX_INITIALS).map(firstLetter).join('');
}

/** `?size=` → a size in 16..1024, or undefined when absent or not a positive number. */
export function clampAvatarSize(size: number | undefined): number | undefined {
  if (size === undefined || !Number.isFinite(size) || size <= 0) {
    return undefined;
  }
  return Math.min(Math.max(Math.trunc(size), MIN_AVATAR_SIZE), MAX_AVATAR_SIZE);
}

export function renderInitialsSvg(name: string, size = DEFAULT_AVATAR_SIZE, allInitials = false): string {
  const color = name === '?' ? '#000' : avatarColor(name);
  const initials = name === '?' ? '?' : initialsOf(name, allInitials);
  const reduction = initials.length > 1 ? initials.length ** 2 / 10 : 0;
  const fontSize = size / (1.6 + reduction);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}">`,
    `<rect width="100%" height="100%" fill="${color}"/>`,
    `<text x="50%" y="50%" dy="0.36em" text-anchor="middle" pointer-events="none" fill="#ffffff" ` +
      `font-family="'Helvetica', 'Arial', 'Lucida Grande', 'sans-serif'" font-size="${fontSize}">`,
    initials,
    '</text>',
    '</svg>',
  ].join('\n');
}

/** A strong entity tag for a body: the same bytes always get the same tag, on every replica. */
export function contentETag(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}
