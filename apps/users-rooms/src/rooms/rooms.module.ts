import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthorizationModule } from '../authorization/authorization.module';
import { SettingsModule } from '../settings/settings.module';
import { User, UserSchema } from '../users/schemas/user.schema';
import { RoomsController } from './rooms.controller';
import { RoomAccessService } from './room-access.service';
import { RoomActivityService } from './room-activity.service';
import { RoomsService } from './rooms.service';
import { Room, RoomSchema } from './schemas/room.schema';
import { Subscription, SubscriptionSchema } from './schemas/subscription.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Room.name, schema: RoomSchema },
      { name: Subscription.name, schema: SubscriptionSchema },
      { name: User.name, schema: UserSchema },
    ]),
    SettingsModule,
    AuthorizationModule,
  ],
  controllers: [RoomsController],
  providers: [RoomsService, RoomAccessService, RoomActivityService],
  exports: [RoomsService, MongooseModule],
})
export class RoomsModule {}
