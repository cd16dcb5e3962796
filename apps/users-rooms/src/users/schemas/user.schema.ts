import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { IUser, IUserEmail, IUserServices, IUserSettings } from '@app/contracts';

/** Rocket.Chat's IUser, in the `users` collection. */
@Schema({ collection: 'users', versionKey: false, strict: false })
export class User implements IUser {
  @Prop({ type: String })
  _id: string;

  @Prop()
  createdAt: Date;

  @Prop()
  _updatedAt: Date;

  @Prop({ type: String })
  username?: string;

  @Prop()
  name?: string;

  @Prop({ type: [Object], default: undefined })
  emails?: IUserEmail[];

  @Prop({ type: String, default: 'user' })
  type: string;

  @Prop({ default: true })
  active: boolean;

  @Prop({ type: [String], default: [] })
  roles: string[];

  @Prop({ default: 'offline' })
  status: string;

  @Prop()
  statusDefault?: string;

  @Prop()
  statusConnection?: string;

  @Prop()
  statusText?: string;

  @Prop()
  utcOffset?: number;

  @Prop()
  lastLogin?: Date;

  @Prop()
  requirePasswordChange?: boolean;

  @Prop({ type: Object })
  services?: IUserServices;

  @Prop({ type: Object })
  settings?: IUserSettings;

  @Prop({ type: Object })
  customFields?: Record<string, unknown>;

  @Prop()
  bio?: string;

  @Prop()
  nickname?: string;

  @Prop()
  language?: string;

  @Prop()
  avatarETag?: string;

  @Prop()
  avatarOrigin?: string;
}

export const UserSchema = SchemaFactory.createForClass(User);
UserSchema.index({ username: 1 }, { unique: true, sparse: true });
// Not unique in the index (uniqueness is checked on insert): the test server's unique multikey indexes lose
// entries after updates, so a unique index here would hide users from e-mail look-ups there.
UserSchema.index({ 'emails.address': 1 });
UserSchema.index({ 'services.resume.loginTokens.hashedToken': 1 });
UserSchema.index({ roles: 1 });
