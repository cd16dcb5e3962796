/**
 * Rocket.Chat 7.x's failed-login blocking rules (`restrictLoginAttempts.ts`), as pure functions. A user or an
 * IP is blocked while the failures it collected since max(now − unblock time, its last successful login)
 * reach the threshold. Counters live in Redis (see LoginAttemptsService), so every replica agrees.
 */

export interface BlockRule {
  /** `Block_Multiple_Failed_Logins_By_User` / `_By_Ip` */
  enabled: boolean;
  /** attempts until block; 0 or less means "misconfigured", never blocks */
  attempts: number;
  /** `..._Time_To_Unblock_..._In_Minutes` */
  minutes: number;
}

export interface LoginBlockPolicy {
  /** `Block_Multiple_Failed_Logins_Enabled`: also whether attempts are recorded at all */
  enabled: boolean;
  byUser: BlockRule;
  byIp: BlockRule & { whitelist: string[] };
}

export const LOGIN_BLOCK_SETTINGS = [
  'Block_Multiple_Failed_Logins_Enabled',
  'Block_Multiple_Failed_Logins_By_User',
  'Block_Multiple_Failed_Logins_Attempts_Until_Block_by_User',
  'Block_Multiple_Failed_Logins_Time_To_Unblock_By_User_In_Minutes',
  'Block_Multiple_Failed_Logins_By_Ip',
  'Block_Multiple_Failed_Logins_Attempts_Until_Block_By_Ip',
  'Block_Multiple_Failed_Logins_Time_To_Unblock_By_Ip_In_Minutes',
  'Block_Multiple_Failed_Logins_Ip_Whitelist',
] as const;

const MINUTE_MS = 60_000;

const toInt = (v: unknown): number => (Number.isFinite(Number(v)) ? Math.trunc(Number(v)) : 0);

/** The policy from the settings' values (missing values fall back to Rocket.Chat's defaults). */
export function loginBlockPolicy(values: Record<string, unknown>): LoginBlockPolicy {
  const v = (id: (typeof LOGIN_BLOCK_SETTINGS)[number], fallback: unknown) => values[id] ?? fallback;
  return {
    enabled: v('Block_Multiple_Failed_Logins_Enabled', true) === true,
    byUser: {
      enabled: v('Block_Multiple_Failed_Logins_By_User', true) === true,
      attempts: toInt(v('Block_Multiple_Failed_Logins_Attempts_Until_Block_by_User', 10)),
      minutes: toInt(v('Block_Multiple_Failed_Logins_Time_To_Unblock_By_User_In_Minutes', 5)),
    },
    byIp: {
      enabled: v('Block_Multiple_Failed_Logins_By_Ip', true) === true,
      attempts: toInt(v('Block_Multiple_Failed_Logins_Attempts_Until_Block_By_Ip', 50)),
      minutes: toInt(v('Block_Multiple_Failed_Logins_Time_To_Unblock_By_Ip_In_Minutes', 5)),
      whitelist: String(v('Block_Multiple_Failed_Logins_Ip_Whitelist', ''))
        .split(',')
        .map((ip) => normalizeIp(ip.trim()))
        .filter(Boolean),
    },
  };
}

/** IPv4 clients of a dual-stack socket appear as `::ffff:a.b.c.d`; the whitelist names them `a.b.c.d`. */
export function normalizeIp(ip: string): string {
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}

/** Whether this rule can block at all (Rocket.Chat returns "valid" early otherwise). */
export function ruleApplies(policy: LoginBlockPolicy, rule: BlockRule): boolean {
  return policy.enabled && rule.enabled && rule.attempts > 0;
}

export function isWhitelisted(policy: LoginBlockPolicy, ip: string): boolean {
  return policy.byIp.whitelist.includes(normalizeIp(ip));
}

/** Failures counted from here on: the lockout window start, or the last success if that is later. */
export function countFailuresSince(now: number, minutes: number, lastSuccessAt?: number): number {
  const windowStart = now - minutes * MINUTE_MS;
  return lastSuccessAt !== undefined && lastSuccessAt > windowStart ? lastSuccessAt : windowStart;
}

export function isBlocked(failuresInWindow: number, rule: BlockRule): boolean {
  return rule.attempts > 0 && failuresInWindow >= rule.attempts;
}

/** How long a counter must live in Redis: its window, at least a minute. */
export function retentionMs(rule: BlockRule): number {
  return Math.max(rule.minutes, 1) * MINUTE_MS;
}

/** Who a password login names: `{user}`, `{username}`, `{email}`, `{user:{username|email}}` (`@` = email). */
export function loginIdentity(body: Record<string, unknown>): { username?: string; email?: string } {
  const u = body.user;
  if (typeof u === 'string' && u) {
    return u.includes('@') ? { email: u } : { username: u };
  }
  if (u && typeof u === 'object') {
    const o = u as Record<string, unknown>;
    if (typeof o.username === 'string' && o.username) {
      return { username: o.username };
    }
    return typeof o.email === 'string' && o.email ? { email: o.email } : {};
  }
  if (typeof body.username === 'string' && body.username) {
    return { username: body.username };
  }
  return typeof body.email === 'string' && body.email ? { email: body.email } : {};
}
