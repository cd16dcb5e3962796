import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { IRoom, RoomType } from '@app/contracts';

/** Rocket.Chat's IRoom, in `rocketchat_room`. */
@Schema({ collection: 'rocketchat_room', versionKey: false, strict: false })
export class Room implements IRoom {
  @Prop({ type: String })
  _id: string;

  @Prop({ type: String, required: true })
  t: RoomType;

  @Prop()
  name?: string;

  @Prop()
  fname?: string;

  @Prop({ type: Object })
  u?: { _id: string; username: string };

  @Prop({ default: 0 })
  msgs: number;

  @Prop({ default: 0 })
  usersCount: number;

  @Prop()
  ts: Date;

  @Prop({ default: false })
  ro: boolean;

  @Prop({ default: false })
  default: boolean;

  @Prop({ default: false })
  sysMes: boolean;

  @Prop()
  archived?: boolean;

  @Prop()
  lm?: Date;

  @Prop({ type: Object })
  lastMessage?: Record<string, unknown>;

  @Prop({ type: [String], default: undefined })
  muted?: string[];

  @Prop({ type: [String], default: undefined })
  usernames?: string[];

  @Prop({ type: [String], default: undefined })
  uids?: string[];

  @Prop({ type: Object })
  customFields?: Record<string, unknown>;

  @Prop()
  _updatedAt: Date;
}

export const RoomSchema = SchemaFactory.createForClass(Room);
RoomSchema.index({ name: 1 }, { unique: true, sparse: true });
RoomSchema.index({ t: 1, name: 1 });
RoomSchema.index({ default: 1 });
