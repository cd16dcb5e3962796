import type { ServerResponse } from 'node:http';

const EXPRESS_JSON = /^application\/json;\s*charset=utf-8$/i;

/**
 * Rocket.Chat answers every JSON body with `Content-Type: application/json`, exactly; express appends
 * `; charset=utf-8` (JSON is UTF-8 by definition, RFC 8259), and clients that compare the header refuse it.
 * Installed first, so successes, failures, 401, 404, 405 and 429 all leave with Rocket.Chat's header.
 */
export function exactJsonContentType(_req: unknown, res: ServerResponse, next: () => void): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) =>
    setHeader(
      name,
      typeof value === 'string' && name.toLowerCase() === 'content-type' && EXPRESS_JSON.test(value)
        ? 'application/json'
        : value,
    );
  next();
}
