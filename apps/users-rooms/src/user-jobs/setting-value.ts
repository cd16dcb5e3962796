/** A string setting's value, or `fallback` when it is missing or not a string. */
export function asString(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}
