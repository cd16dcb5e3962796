import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthorizationModule } from '../authorization/authorization.module';
import { Permission, PermissionSchema } from '../authorization/schemas/permission.schema';
import { Role, RoleSchema } from '../authorization/schemas/role.schema';
import { RoomsModule } from '../rooms/rooms.module';
import { SettingsModule } from '../settings/settings.module';
import { UsersModule } from '../users/users.module';
import { ProfileWriterService } from './profile-writer.service';
import { RolesService } from './roles.service';
import { RoomOwnershipService } from './room-ownership.service';
import { TwoFactorService } from './two-factor.service';
import { UserAdminController } from './user-admin.controller';
import { UserEditService } from './user-edit.service';
import { UserLifecycleService } from './user-lifecycle.service';
import { UserProfileService } from './user-profile.service';
import { UserSessionsService } from './user-sessions.service';

/**
 * Roles and permissions administration, user editing, activation and deletion, presence, preferences and
 * username suggestions. Roles and permissions use the same models AuthorizationService seeds and checks.
 */
@Module({
  imports: [
    RoomsModule,
    SettingsModule,
    AuthorizationModule,
    UsersModule,
    MongooseModule.forFeature([
      { name: Permission.name, schema: PermissionSchema },
      { name: Role.name, schema: RoleSchema },
    ]),
  ],
  controllers: [UserAdminController],
  providers: [
    RolesService,
    UserEditService,
    UserLifecycleService,
    UserProfileService,
    UserSessionsService,
    RoomOwnershipService,
    ProfileWriterService,
    TwoFactorService,
  ],
  exports: [TwoFactorService],
})
export class UserAdminModule {}
