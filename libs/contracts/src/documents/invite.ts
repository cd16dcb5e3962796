/** Rocket.Chat's IInvite (`rocketchat_invites`): up to 7.x its `_id` is the token itself. */
export interface IInvite {
  _id: string;
  rid: string;
  userId: string;
  createdAt: Date;
  /** null: never expires */
  expires: Date | null;
  /** 0: unlimited */
  maxUses: number;
  uses: number;
  days: number;
  /** the link to share (set when answered) */
  url?: string;
  _updatedAt: Date;
}
