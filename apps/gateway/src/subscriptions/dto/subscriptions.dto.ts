/** The parameter schemas of subscriptions.* (Rocket.Chat 7's: unknown keys refused with `invalid-params`). */
import type {
  SubscriptionsGetOnePayload,
  SubscriptionsReadPayload,
  SubscriptionsUnreadPayload,
  SyncPayload,
} from '@app/contracts';
import { AnyObject, Feeds, OneOf, Opt, Params, Static, Type } from '@app/validation';

/** subscriptions.get: `updatedSince` (an ISO date) */
export const SubscriptionsGetDto = Params({ updatedSince: Opt(Type.String()) });
export type SubscriptionsGetDto = Feeds<SyncPayload, Static<typeof SubscriptionsGetDto>>;

/** subscriptions.getOne: `roomId` */
export const SubscriptionsGetOneDto = Params({ roomId: Type.String() });
export type SubscriptionsGetOneDto = Feeds<SubscriptionsGetOnePayload, Static<typeof SubscriptionsGetOneDto>>;

/** subscriptions.read: `rid` or (7.x) `roomId`, and `readThreads` */
export type SubscriptionsReadDto = Feeds<
  SubscriptionsReadPayload,
  { rid?: string; roomId?: string; readThreads?: boolean }
>;
export const SubscriptionsReadDto = OneOf<SubscriptionsReadDto>([
  Params({ rid: Type.String(), readThreads: Opt(Type.Boolean()) }),
  Params({ roomId: Type.String(), readThreads: Opt(Type.Boolean()) }),
]);

/** subscriptions.unread: `roomId`, or `firstUnreadMessage` (a message with its `_id`) */
export type SubscriptionsUnreadDto = Feeds<
  SubscriptionsUnreadPayload,
  { roomId?: string; firstUnreadMessage?: { _id?: string; [extra: string]: unknown } }
>;
export const SubscriptionsUnreadDto = OneOf<SubscriptionsUnreadDto>([
  Params({ roomId: Type.String() }),
  Params({ firstUnreadMessage: Type.Intersect([AnyObject, Type.Object({ _id: Type.String() })]) }),
]);
