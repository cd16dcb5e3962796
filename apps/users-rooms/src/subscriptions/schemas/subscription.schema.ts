import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ISubscription } from '@app/contracts';

/** Rocket.Chat's ISubscription (one per user per room), in `rocketchat_subscription`. */
@Schema({ collection: 'rocketchat_subscription', versionKey: false, strict: false })
export class Subscription implements ISubscription {
  [notificationPreference: string]: unknown;

  @Prop({ type: String })
  _id: string;

  @Prop({ type: Object, required: true })
  u: { _id: string; username: string; name?: string };

  @Prop({ required: true })
  rid: string;

  @Prop({ required: true })
  t: string;

  @Prop()
  name: string;

  @Prop()
  fname?: string;

  @Prop({ default: true })
  open: boolean;

  @Prop({ default: false })
  alert: boolean;

  @Prop({ default: 0 })
  unread: number;

  @Prop({ default: 0 })
  userMentions: number;

  @Prop({ default: 0 })
  groupMentions: number;

  @Prop()
  ts: Date;

  @Prop()
  ls?: Date;

  @Prop()
  lr?: Date;

  @Prop({ type: [String], default: undefined })
  roles?: string[];

  @Prop()
  _updatedAt: Date;
}

export const SubscriptionSchema = SchemaFactory.createForClass(Subscription);
SubscriptionSchema.index({ rid: 1, 'u._id': 1 }, { unique: true });
SubscriptionSchema.index({ 'u._id': 1 });
