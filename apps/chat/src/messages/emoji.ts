import { readFileSync } from 'node:fs';

let known: Set<string> | undefined;

/** The standard emoji short names Rocket.Chat knows (JoyPixels' list, `:thumbsup:` and its alternates). */
export function isStandardEmoji(shortname: string): boolean {
  if (!known) {
    const list = JSON.parse(readFileSync(require.resolve('emoji-toolkit/emoji.json'), 'utf8')) as Record<
      string,
      { shortname: string; shortname_alternates: string[] }
    >;
    known = new Set();
    for (const e of Object.values(list)) {
      known.add(e.shortname);
      for (const alt of e.shortname_alternates) {
        known.add(alt);
      }
    }
  }
  return known.has(shortname);
}

/** `thumbsup`, `:thumbsup:` or `:thumbsup` → `:thumbsup:` (Rocket.Chat's reaction key). */
export function reactionKey(emoji: string): string {
  return `:${emoji.replace(/:/g, '')}:`;
}
