/** One cookie's value from a `Cookie` header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of header?.split(';') ?? []) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) {
      const raw = pair.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return undefined;
}

/**
 * Who asks for a file, as Rocket.Chat's file route reads it: `?rc_uid=&rc_token=`, else the `rc_uid` / `rc_token`
 * cookies (the web client sets them), else the X-User-Id / X-Auth-Token headers, each part falling back in turn.
 */
export function fileCredentials(
  query: { rc_uid?: string; rc_token?: string },
  headers: Record<string, string | string[] | undefined>,
): { userId: string; token: string } | null {
  const header = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  let userId = query.rc_uid;
  let token = query.rc_token;
  if (!userId) {
    userId = cookieValue(header('cookie'), 'rc_uid');
    token = cookieValue(header('cookie'), 'rc_token');
  }
  userId ||= header('x-user-id');
  token ||= header('x-auth-token');
  return userId && token ? { userId, token } : null;
}
