import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { UsersModule } from '../users/users.module';
import { DirectMessagesController } from './direct-messages.controller';
import { DirectMessagesService } from './direct-messages.service';
import { DiscussionsService } from './discussions.service';
import { RoomAccessService } from './room-access.service';
import { RoomActivityService } from './room-activity.service';
import { RoomOwnershipService } from './room-ownership.service';
import { MembershipController } from './membership.controller';
import { MembershipService } from './membership.service';
import { RoomFinder } from './room-finder.service';
import { RoomInternalController } from './room-internal.controller';
import { RoomNotificationsService } from './room-notifications.service';
import { RoomNotifier } from './room-notifier.service';
import { RoomRolesService } from './room-roles.service';
import { RoomSettingsService } from './room-settings.service';
import { RoomVisibility } from './room-visibility.service';
import { RoomsApiController } from './rooms-api.controller';
import { RoomsApiService } from './rooms-api.service';
import { RoomsController } from './rooms.controller';
import { RoomsRepository } from './rooms.repository';
import { RoomsService } from './rooms.service';
import { Room, RoomSchema } from './schemas/room.schema';
import { UserRoomsListener } from './user-rooms.listener';

/**
 * Owner of `rocketchat_room`: one room service for every room type (channels now; groups and DMs as thin
 * layers on it), membership (subscriptions through their repository), who may post and read, what a message
 * changes on its room, and what user changes mean for rooms.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: Room.name, schema: RoomSchema }]), SubscriptionsModule, UsersModule],
  controllers: [
    RoomsController,
    MembershipController,
    RoomInternalController,
    DirectMessagesController,
    RoomsApiController,
  ],
  providers: [
    RoomsRepository,
    RoomFinder,
    RoomNotifier,
    MembershipService,
    RoomRolesService,
    RoomSettingsService,
    RoomsService,
    RoomAccessService,
    RoomActivityService,
    RoomOwnershipService,
    UserRoomsListener,
    RoomVisibility,
    DirectMessagesService,
    RoomsApiService,
    RoomNotificationsService,
    DiscussionsService,
  ],
  exports: [RoomsRepository, RoomsService, MembershipService, RoomNotifier],
})
export class RoomsModule {}
