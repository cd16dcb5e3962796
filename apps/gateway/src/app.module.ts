import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ConfigModule, gatewayEnvSpec } from '@app/config';
import { rcLoggerModule } from '@app/logging';
import { TransportModule } from '@app/transport';
import { AuthenticationController } from './authentication/authentication.controller';
import { ChannelsController, ChannelsRoomController } from './channels/channels.controller';
import { ChatController } from './chat/chat.controller';
import { GroupsController, GroupsRoomController } from './groups/groups.controller';
import { HealthController } from './health/health.controller';
import { DirectoryController } from './misc/directory.controller';
import { ImController } from './im/im.controller';
import { InvitesController } from './invites/invites.controller';
import { InfoController } from './info/info.controller';
import { InstancesController } from './instances/instances.controller';
import { LicensesController } from './licenses/licenses.controller';
import { PermissionsController } from './permissions/permissions.controller';
import { PlatformModule } from './platform/platform.module';
import { PwController } from './pw/pw.controller';
import { RolesController } from './roles/roles.controller';
import { RoomsController } from './rooms/rooms.controller';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { FileUploadController } from './uploads/file-upload.controller';
import { RoomUploadsController } from './uploads/room-uploads.controller';
import { SettingsController } from './settings/settings.controller';
import { UsersAccountController } from './users/users-account.controller';
import { UsersAdminController } from './users/users-admin.controller';
import { UsersAvatarController } from './users/users-avatar.controller';
import { UsersProfileController } from './users/users-profile.controller';
import { UsersTokensController } from './users/users-tokens.controller';
import { UsersController } from './users/users.controller';

/** The gateway's controllers, one folder per Rocket.Chat API namespace (its route table is read from these). */
export const GATEWAY_CONTROLLERS = [
  InfoController,
  AuthenticationController,
  UsersController,
  UsersAdminController,
  UsersAccountController,
  UsersProfileController,
  UsersTokensController,
  UsersAvatarController,
  RolesController,
  PermissionsController,
  SettingsController,
  PwController,
  InstancesController,
  LicensesController,
  ChannelsRoomController,
  ChannelsController,
  GroupsRoomController,
  GroupsController,
  ChatController,
  ImController,
  RoomsController,
  InvitesController,
  DirectoryController,
  SubscriptionsController,
  RoomUploadsController,
  FileUploadController,
  HealthController,
];

@Module({
  imports: [
    ConfigModule.forRoot(gatewayEnvSpec),
    rcLoggerModule(),
    TransportModule.forRoot('gateway'),
    TerminusModule,
    PlatformModule,
  ],
  controllers: GATEWAY_CONTROLLERS,
})
export class AppModule {}
