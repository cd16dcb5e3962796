import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Rocket.Chat's `rocketchat__trash`: a removed document as it was, with the collection it came from
 * (`__collection__`) and when it went (`_deletedAt`). The `updatedSince` sync endpoints answer removals from it.
 */
@Schema({ collection: 'rocketchat__trash', versionKey: false, strict: false })
export class Trash {
  @Prop({ type: String })
  _id: string;

  @Prop({ required: true })
  __collection__: string;

  @Prop({ required: true })
  _deletedAt: Date;
}

export const TrashSchema = SchemaFactory.createForClass(Trash);
TrashSchema.index({ __collection__: 1, _deletedAt: 1 });
