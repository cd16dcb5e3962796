import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'rocketchat_roles', versionKey: false, strict: false })
export class Role {
  @Prop({ type: String })
  _id: string;

  @Prop()
  name: string;

  @Prop()
  scope: string;

  @Prop({ default: '' })
  description: string;

  @Prop({ default: false })
  protected: boolean;

  @Prop({ default: false })
  mandatory2fa: boolean;

  @Prop()
  _updatedAt: Date;
}

export const RoleSchema = SchemaFactory.createForClass(Role);
