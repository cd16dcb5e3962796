/**
 * Domain events, fanned out to every replica of every app over Redis publish/subscribe. Past tense names.
 * Used for cache invalidation now and by a future realtime gateway.
 */
export const RcEvent = {
  UserChanged: 'user.changed',
  TokensRevoked: 'user.tokensRevoked',
  PermissionsChanged: 'permissions.changed',
  SettingsChanged: 'settings.changed',
  MessageSent: 'message.sent',
  RoomChanged: 'room.changed',
} as const;

export interface RcEventPayloads {
  [RcEvent.UserChanged]: { userId: string };
  [RcEvent.TokensRevoked]: { userId: string; hashedTokens?: string[] };
  [RcEvent.PermissionsChanged]: { ids?: string[] };
  [RcEvent.SettingsChanged]: { ids: string[] };
  [RcEvent.MessageSent]: { rid: string; messageId: string };
  [RcEvent.RoomChanged]: { rid: string };
}

export type RcEventName = keyof RcEventPayloads;
