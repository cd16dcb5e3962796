import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Rocket.Chat's IUpload (`rocketchat_uploads`): one record per file posted to a room. The bytes live in the
 * storage bucket of the same name.
 */
@Schema({ collection: 'rocketchat_uploads', versionKey: false, strict: false })
export class Upload {
  @Prop({ type: String })
  _id: string;

  @Prop({ type: String, required: true })
  rid: string;

  @Prop({ type: String })
  userId: string;

  @Prop()
  name: string;

  @Prop()
  type: string;

  @Prop()
  size: number;

  @Prop()
  typeGroup?: string;

  @Prop()
  store?: string;

  @Prop()
  complete?: boolean;

  @Prop()
  uploading?: boolean;

  @Prop()
  uploadedAt?: Date;

  @Prop()
  _updatedAt: Date;
}

export const UploadSchema = SchemaFactory.createForClass(Upload);
UploadSchema.index({ rid: 1, uploadedAt: -1 });
UploadSchema.index({ userId: 1 });
