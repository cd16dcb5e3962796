import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { UsersModule } from '../users/users.module';
import { AvatarStore } from './avatar-store.service';
import { AvatarSuggestionsService } from './avatar-suggestions.service';
import { AvatarsController } from './avatars.controller';
import { AvatarsService } from './avatars.service';
import { Avatar, AvatarSchema } from './schemas/avatar.schema';
import { UserAvatarService } from './user-avatar.service';

/** User avatars: images in the storage bucket `rocketchat_avatars`, initials SVGs, the users.*Avatar endpoints. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Avatar.name, schema: AvatarSchema }]), UsersModule],
  controllers: [AvatarsController],
  providers: [AvatarStore, AvatarsService, UserAvatarService, AvatarSuggestionsService],
})
export class AvatarsModule {}
