/**
 * Who may mint a login token with users.createToken (Rocket.Chat 7.x `generateAccessToken`): only when the
 * server runs with CREATE_TOKENS_FOR_USERS=true, and then for oneself or with `user-generate-access-token`.
 */
export function mayCreateTokenFor(p: {
  featureEnabled: boolean;
  callerId: string;
  targetId: string;
  callerMayGenerateForOthers: boolean;
}): boolean {
  return p.featureEnabled && (p.callerId === p.targetId || p.callerMayGenerateForOthers);
}
