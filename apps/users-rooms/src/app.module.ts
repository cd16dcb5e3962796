import { Module } from '@nestjs/common';
import { ConfigModule, usersRoomsEnvSpec, rcLoggerModule } from '@app/config';
import { UsersRoomsPattern, USERS_ROOMS_SERVICE } from '@app/contracts';
import { DatabaseModule, ServiceHealthModule } from '@app/database';
import { TransportModule } from '@app/transport';
import { AccountsModule } from './accounts/accounts.module';
import { AuthorizationModule } from './authorization/authorization.module';
import { AvatarsModule } from './avatars/avatars.module';
import { UserAdminModule } from './user-admin/user-admin.module';
import { UserJobsModule } from './user-jobs/user-jobs.module';
import { InitialDataService } from './initial-data/initial-data.service';
import { RoomsModule } from './rooms/rooms.module';
import { ServerInfoController } from './server-info/server-info.controller';
import { ServerInfoService } from './server-info/server-info.service';
import { SettingsModule } from './settings/settings.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule.forRoot(usersRoomsEnvSpec),
    rcLoggerModule(),
    DatabaseModule.forRoot(),
    TransportModule.forRoot(USERS_ROOMS_SERVICE),
    ServiceHealthModule.register(UsersRoomsPattern.Health),
    SettingsModule,
    AuthorizationModule,
    RoomsModule,
    UsersModule,
    AccountsModule,
    AvatarsModule,
    UserJobsModule,
    UserAdminModule,
  ],
  controllers: [ServerInfoController],
  providers: [ServerInfoService, InitialDataService],
})
export class AppModule {}
