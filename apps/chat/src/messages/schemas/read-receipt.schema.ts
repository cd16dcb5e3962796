import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Rocket.Chat's `rocketchat_message_read_receipt`: who read which message when (`Message_Read_Receipt_Enabled`). */
@Schema({ collection: 'rocketchat_message_read_receipt', versionKey: false, strict: false })
export class ReadReceipt {
  @Prop({ type: String })
  _id: string;

  @Prop({ type: String, required: true })
  roomId: string;

  @Prop({ type: String, required: true })
  userId: string;

  @Prop({ type: String, required: true })
  messageId: string;

  @Prop({ type: Date, required: true })
  ts: Date;

  @Prop({ type: Object })
  user?: { _id: string; username: string; name?: string };
}

export const ReadReceiptSchema = SchemaFactory.createForClass(ReadReceipt);
ReadReceiptSchema.index({ roomId: 1, userId: 1, messageId: 1 }, { unique: true });
ReadReceiptSchema.index({ messageId: 1 });
