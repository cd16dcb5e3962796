import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'rocketchat_settings', versionKey: false, strict: false })
export class Setting {
  @Prop({ type: String })
  _id: string;

  @Prop({ type: Object })
  value: unknown;

  @Prop({ type: Object })
  packageValue: unknown;

  @Prop()
  type: string;

  @Prop()
  group: string;

  @Prop({ default: false })
  public: boolean;

  @Prop()
  ts: Date;

  @Prop()
  _updatedAt: Date;
}

export const SettingSchema = SchemaFactory.createForClass(Setting);
