/**
 * Domain events, fanned out to every replica of every app over Redis publish/subscribe. Past tense names.
 * Used for cache invalidation now and by a future realtime gateway.
 */
export const RcEvent = {
  UserChanged: 'user.changed',
  TokensRevoked: 'user.tokensRevoked',
  PermissionsChanged: 'permissions.changed',
  SettingsChanged: 'settings.changed',
  RoomChanged: 'room.changed',
  SubscriptionChanged: 'subscription.changed',
} as const;

export interface RcEventPayloads {
  [RcEvent.UserChanged]: { userId: string };
  [RcEvent.TokensRevoked]: { userId: string; hashedTokens?: string[] };
  [RcEvent.PermissionsChanged]: { ids?: string[] };
  [RcEvent.SettingsChanged]: { ids: string[] };
  /** anything chat's room-access cache holds about the room changed (type, name, flags, deletion) */
  [RcEvent.RoomChanged]: { rid: string };
  /** a user's membership of a room changed (joined, left, roles, muted) */
  [RcEvent.SubscriptionChanged]: { rid: string; userId: string };
}

export type RcEventName = keyof RcEventPayloads;
