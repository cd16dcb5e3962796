import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Rocket.Chat 7's `rocketchat_moderation_reports`: a reported message, for the moderators. */
@Schema({ collection: 'rocketchat_moderation_reports', versionKey: false, strict: false })
export class Report {
  @Prop({ type: String })
  _id: string;

  @Prop({ type: Object, required: true })
  message: Record<string, unknown>;

  @Prop({ type: String, required: true })
  description: string;

  @Prop({ type: Object })
  room: Record<string, unknown>;

  @Prop({ type: Object })
  reportedBy: { _id: string; username: string; name?: string };

  @Prop({ type: Date })
  ts: Date;

  @Prop({ type: Boolean })
  _hidden: boolean;
}

export const ReportSchema = SchemaFactory.createForClass(Report);
ReportSchema.index({ 'message.rid': 1, ts: -1 });
