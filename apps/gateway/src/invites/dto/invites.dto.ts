/** The parameter schemas of the invite endpoints (Rocket.Chat 7's: all required, unknown keys refused). */
import type { FindOrCreateInvitePayload, UseInviteTokenPayload } from '@app/contracts';
import { Feeds, Params, Static, Type } from '@app/validation';

/** findOrCreateInvite: `rid`, `days` (0, 1, 7, 15, 30) and `maxUses` (0, 1, 5, 10, 25, 50, 100) */
export const FindOrCreateInviteDto = Params({ rid: Type.String(), days: Type.Number(), maxUses: Type.Number() });
export type FindOrCreateInviteDto = Feeds<FindOrCreateInvitePayload, Static<typeof FindOrCreateInviteDto>>;

/** useInviteToken, validateInviteToken: the `token` (the invite's `_id`) */
export const InviteTokenDto = Params({ token: Type.String() });
export type InviteTokenDto = Feeds<UseInviteTokenPayload, Static<typeof InviteTokenDto>>;
