import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionCheck } from '../common/permission-check.port';
import { AuthorizationController } from './authorization.controller';
import { AuthorizationService } from './authorization.service';
import { RolesService } from './roles.service';
import { Permission, PermissionSchema } from './schemas/permission.schema';
import { Role, RoleSchema } from './schemas/role.schema';

/** Owner of `rocketchat_roles` and `rocketchat_permissions`; every context checks permissions through it. */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Permission.name, schema: PermissionSchema },
      { name: Role.name, schema: RoleSchema },
    ]),
  ],
  controllers: [AuthorizationController],
  providers: [AuthorizationService, RolesService, { provide: PermissionCheck, useExisting: AuthorizationService }],
  exports: [AuthorizationService, PermissionCheck],
})
export class AuthorizationModule {}
