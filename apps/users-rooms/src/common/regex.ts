/**
 * `text` as a literal inside a regular expression. A NUL byte is written `\x00`: MongoDB stores a pattern as a C
 * string and refuses one holding a NUL, so a raw NUL from a request would turn a look-up into a server error.
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\0/g, '\\x00');
}

/** Exact, case-insensitive match (Rocket.Chat's username and room name look-ups). */
export function exactInsensitive(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}$`, 'i');
}

/** A name valid for the `UTF8_*_Names_Validation` pattern (the whole string must match). */
export function matchesNamePattern(name: string, pattern: string): boolean {
  try {
    return new RegExp(`^${pattern}$`).test(name);
  } catch {
    return new RegExp('^[0-9a-zA-Z-_.]+$').test(name);
  }
}
