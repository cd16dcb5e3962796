import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'rocketchat_permissions', versionKey: false, strict: false })
export class Permission {
  @Prop({ type: String })
  _id: string;

  @Prop({ type: [String], default: [] })
  roles: string[];

  @Prop()
  _updatedAt: Date;
}

export const PermissionSchema = SchemaFactory.createForClass(Permission);
