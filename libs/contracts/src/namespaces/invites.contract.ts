/** Invite links: `findOrCreateInvite`, `listInvites`, `removeInvite/:_id`, `useInviteToken`, `validateInviteToken`. */
import type { CallerPayload } from '../common/types';
import type { IInvite } from '../documents';
import { definePatterns, USERS_ROOMS_SERVICE } from '../registry';

const UR = USERS_ROOMS_SERVICE;

export const InvitesPattern = definePatterns({
  FindOrCreate: { pattern: 'findOrCreateInvite', service: UR },
  List: { pattern: 'listInvites', service: UR },
  Remove: { pattern: 'removeInvite', service: UR },
  Use: { pattern: 'useInviteToken', service: UR },
  Validate: { pattern: 'validateInviteToken', service: UR },
});

/** findOrCreateInvite: a room, how many days it lasts (0 = never expires) and how many uses (0 = unlimited). */
export interface FindOrCreateInvitePayload extends CallerPayload {
  rid: string;
  days: number;
  maxUses: number;
}

export interface RemoveInvitePayload extends CallerPayload {
  _id: string;
}

export interface UseInviteTokenPayload extends CallerPayload {
  token: string;
}

/** The room an invite token led into (useInviteToken). */
export interface InviteRoomView {
  rid: string;
  prid?: string;
  fname?: string;
  name?: string;
  t: string;
}

declare module '../registry' {
  interface RcContract {
    [InvitesPattern.FindOrCreate]: { payload: FindOrCreateInvitePayload; result: IInvite };
    [InvitesPattern.List]: { payload: CallerPayload; result: IInvite[] };
    [InvitesPattern.Remove]: { payload: RemoveInvitePayload; result: boolean };
    [InvitesPattern.Use]: { payload: UseInviteTokenPayload; result: { room: InviteRoomView } };
    [InvitesPattern.Validate]: { payload: { token: string }; result: { valid: boolean } };
  }
}
