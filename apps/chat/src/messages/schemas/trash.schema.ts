import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Rocket.Chat's `rocketchat__trash`: a removed document, kept with the collection it came from and when it was
 * removed, so clients can sync deletions (`chat.getDeletedMessages`, `chat.syncMessages`, the thread syncs).
 */
@Schema({ collection: 'rocketchat__trash', versionKey: false, strict: false })
export class Trash {
  @Prop({ type: String })
  _id: string;

  @Prop({ type: String, required: true })
  __collection__: string;

  @Prop({ type: Date, required: true })
  _deletedAt: Date;

  @Prop({ type: String })
  rid?: string;
}

export const TrashSchema = SchemaFactory.createForClass(Trash);
TrashSchema.index({ __collection__: 1, rid: 1, _deletedAt: 1 });
TrashSchema.index({ __collection__: 1, tmid: 1, _deletedAt: 1 }, { sparse: true });
