import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Rocket.Chat's export states (IExportOperation['status']). */
export type ExportStatus =
  | 'pending'
  | 'preparing'
  | 'exporting-rooms'
  | 'exporting'
  | 'downloading'
  | 'compressing'
  | 'uploading'
  | 'completed'
  | 'skipped'
  | 'failed';

export interface ExportRoom {
  roomId: string;
  roomName: string;
  userId?: string;
  exportedCount: number;
  status: 'pending' | 'exporting' | 'completed';
  type: string;
  targetFile: string;
}

/** Rocket.Chat's IExportOperation (users.requestDataDownload), in `rocketchat_export_operations`. */
@Schema({ collection: 'rocketchat_export_operations', versionKey: false, strict: false })
export class ExportOperation {
  @Prop({ type: String })
  _id: string;

  @Prop({ type: String, required: true })
  userId: string;

  @Prop({ type: String, required: true })
  status: ExportStatus;

  @Prop({ default: false })
  fullExport: boolean;

  @Prop({ type: [Object], default: undefined })
  roomList?: ExportRoom[];

  @Prop({ type: [Object], default: [] })
  fileList: Record<string, unknown>[];

  @Prop()
  generatedFile?: string;

  @Prop()
  generatedUserFile?: boolean;

  @Prop()
  generatedAvatar?: boolean;

  @Prop({ type: Object })
  userNameTable?: Record<string, string>;

  /** the user as it was when the export was asked for, without `services` */
  @Prop({ type: Object })
  userData?: Record<string, unknown>;

  @Prop()
  exportPath?: string;

  @Prop()
  assetsPath?: string;

  @Prop()
  failReason?: string;

  @Prop()
  createdAt: Date;

  @Prop()
  _updatedAt: Date;
}

export const ExportOperationSchema = SchemaFactory.createForClass(ExportOperation);
ExportOperationSchema.index({ userId: 1 });
ExportOperationSchema.index({ status: 1 });
