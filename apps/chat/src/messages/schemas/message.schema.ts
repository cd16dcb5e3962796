import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Rocket.Chat's IMessage, in `rocketchat_message`. */
@Schema({ collection: 'rocketchat_message', versionKey: false, strict: false })
export class Message {
  @Prop({ type: String })
  _id: string;

  @Prop({ required: true })
  rid: string;

  @Prop({ default: '' })
  msg: string;

  @Prop({ required: true })
  ts: Date;

  @Prop({ type: Object, required: true })
  u: { _id: string; username: string; name?: string };

  @Prop()
  _updatedAt: Date;

  @Prop()
  t?: string;

  @Prop()
  tmid?: string;

  @Prop()
  tshow?: boolean;

  @Prop()
  _hidden?: boolean;

  @Prop({ type: [Object], default: undefined })
  mentions?: { _id: string; username: string; name?: string; type?: string }[];

  @Prop({ type: [Object], default: undefined })
  attachments?: Record<string, unknown>[];
}

export const MessageSchema = SchemaFactory.createForClass(Message);
MessageSchema.index({ rid: 1, ts: -1 });
MessageSchema.index({ rid: 1, tmid: 1, ts: -1 });
