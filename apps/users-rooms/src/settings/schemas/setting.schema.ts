import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A document of `rocketchat_settings`, as Rocket.Chat stores it: the value and its default, the type, where the
 * setting sits (group, section, sorter, labels), who may read it (public, hidden) and whether it may change
 * (blocked, readonly). Type-specific keys (values, editor, code, actionText...) ride along (`strict: false`).
 */
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
  group?: string;

  @Prop()
  section?: string;

  @Prop()
  sorter?: number;

  @Prop()
  i18nLabel?: string;

  @Prop({ default: false })
  public: boolean;

  @Prop()
  hidden?: boolean;

  @Prop()
  blocked?: boolean;

  @Prop()
  readonly?: boolean;

  @Prop()
  enterprise?: boolean;

  @Prop({ type: Object })
  invalidValue?: unknown;

  @Prop()
  editor?: string;

  @Prop()
  ts: Date;

  @Prop()
  createdAt?: Date;

  @Prop()
  _updatedAt: Date;
}

export const SettingSchema = SchemaFactory.createForClass(Setting);
