import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Rocket.Chat's IUpload (`rocketchat_uploads`): one record per file posted to a room. The bytes live in the
 * storage bucket of the same name, under the record's `_id`.
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
  extension?: string;

  @Prop()
  complete?: boolean;

  @Prop()
  uploading?: boolean;

  @Prop()
  progress?: number;

  @Prop()
  path?: string;

  @Prop()
  url?: string;

  @Prop()
  description?: string;

  @Prop()
  uploadedAt?: Date;

  /** an unconfirmed rooms.media upload: removed after this date */
  @Prop()
  expiresAt?: Date;

  @Prop()
  _hidden?: boolean;

  @Prop()
  _updatedAt: Date;
}

export const UploadSchema = SchemaFactory.createForClass(Upload);
UploadSchema.index({ rid: 1, uploadedAt: -1 });
UploadSchema.index({ userId: 1 });
UploadSchema.index({ expiresAt: 1 }, { sparse: true });
