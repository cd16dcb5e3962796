import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { IInvite } from '@app/contracts';

/** Rocket.Chat's IInvite, in `rocketchat_invites`. */
@Schema({ collection: 'rocketchat_invites', versionKey: false, strict: false })
export class Invite implements IInvite {
  @Prop({ type: String })
  _id: string;

  @Prop({ required: true })
  rid: string;

  @Prop({ required: true })
  userId: string;

  @Prop()
  createdAt: Date;

  @Prop({ type: Date, default: null })
  expires: Date | null;

  @Prop({ default: 0 })
  maxUses: number;

  @Prop({ default: 0 })
  uses: number;

  @Prop({ default: 1 })
  days: number;

  @Prop()
  url?: string;

  @Prop()
  _updatedAt: Date;
}

export const InviteSchema = SchemaFactory.createForClass(Invite);
InviteSchema.index({ rid: 1, userId: 1 });
