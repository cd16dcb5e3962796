import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthorizationModule } from '../authorization/authorization.module';
import { RoomsModule } from '../rooms/rooms.module';
import { SettingsModule } from '../settings/settings.module';
import { UsersModule } from '../users/users.module';
import { AvatarStore } from './avatar-store.service';
import { AvatarsController } from './avatars.controller';
import { AvatarsService } from './avatars.service';
import { Avatar, AvatarSchema } from './schemas/avatar.schema';
import { UserAvatarService } from './user-avatar.service';

/** User avatars: images in GridFS (`rocketchat_avatars`), initials SVGs, the users.*Avatar endpoints. */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: Avatar.name, schema: AvatarSchema }]),
    RoomsModule,
    SettingsModule,
    AuthorizationModule,
    UsersModule,
  ],
  controllers: [AvatarsController],
  providers: [AvatarStore, AvatarsService, UserAvatarService],
})
export class AvatarsModule {}
