import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Rocket.Chat's IAvatar upload record, in `rocketchat_avatars`. The bytes live in the GridFS bucket of the same
 * name (`rocketchat_avatars.files` / `.chunks`) under the same `_id`, as Rocket.Chat's GridFS avatar store keeps
 * them.
 */
@Schema({ collection: 'rocketchat_avatars', versionKey: false, strict: false })
export class Avatar {
  @Prop({ type: String })
  _id: string;

  /** the username at upload time (Rocket.Chat looks avatars up by it) */
  @Prop()
  name: string;

  @Prop({ type: String })
  userId: string;

  /** content type */
  @Prop()
  type: string;

  @Prop()
  size: number;

  @Prop()
  etag: string;

  @Prop()
  uploadedAt: Date;

  @Prop()
  store: string;

  @Prop()
  complete: boolean;

  @Prop()
  _updatedAt: Date;
}

export const AvatarSchema = SchemaFactory.createForClass(Avatar);
AvatarSchema.index({ userId: 1 });
AvatarSchema.index({ name: 1 });
