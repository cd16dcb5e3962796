import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ConfigModule, gatewayEnvSpec, rcLoggerModule } from '@app/config';
import { TransportModule } from '@app/transport';
import { AccountsController } from './accounts/accounts.controller';
import { AuthController } from './auth/auth.controller';
import { AvatarsController } from './avatars/avatars.controller';
import { ChannelsController } from './channels/channels.controller';
import { ChatController } from './chat/chat.controller';
import { CoreModule } from './core/core.module';
import { HealthController } from './health/health.controller';
import { InfoController } from './info/info.controller';
import { UserAdminController } from './user-admin/user-admin.controller';
import { UserJobsController } from './user-jobs/user-jobs.controller';
import { UsersController } from './users/users.controller';

@Module({
  imports: [
    ConfigModule.forRoot(gatewayEnvSpec),
    rcLoggerModule(),
    TransportModule.forRoot('gateway'),
    TerminusModule,
    CoreModule,
  ],
  controllers: [
    InfoController,
    AuthController,
    UsersController,
    AccountsController,
    AvatarsController,
    UserJobsController,
    UserAdminController,
    ChannelsController,
    ChatController,
    HealthController,
  ],
})
export class AppModule {}
