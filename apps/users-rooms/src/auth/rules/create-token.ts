import { createHash, timingSafeEqual } from 'node:crypto';

/** Equal secrets, compared in constant time (digests of equal length, so length leaks nothing either). */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * Who may mint a login token with users.createToken. With CREATE_TOKENS_FOR_USERS_SECRET set (Rocket.Chat 8's
 * rule, newer clients send `secret`), the request's `secret` must equal it. Without it, the 7.x rule: the
 * server must run with CREATE_TOKENS_FOR_USERS=true, and a `secret` sent to a server that has none is refused
 * (it matches nothing). Either way: for oneself, or with `user-generate-access-token`.
 */
export function mayCreateTokenFor(p: {
  /** CREATE_TOKENS_FOR_USERS */
  featureEnabled: boolean;
  /** CREATE_TOKENS_FOR_USERS_SECRET ('' when unset) */
  serverSecret: string;
  /** the request's `secret` */
  secret?: string;
  callerId: string;
  targetId: string;
  callerMayGenerateForOthers: boolean;
}): boolean {
  const allowedHere = p.serverSecret
    ? p.secret !== undefined && sameSecret(p.secret, p.serverSecret)
    : p.featureEnabled && p.secret === undefined;
  return allowedHere && (p.callerId === p.targetId || p.callerMayGenerateForOthers);
}
