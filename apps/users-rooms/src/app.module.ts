import { Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ConfigModule, usersRoomsEnvSpec } from '@app/config';
import { InternalPattern, USERS_ROOMS_SERVICE } from '@app/contracts';
import { DatabaseModule } from '@app/database';
import { ServiceHealthModule } from '@app/health';
import { JobsModule } from '@app/jobs';
import { rcLoggerModule } from '@app/logging';
import { StorageModule } from '@app/storage';
import { TransportModule } from '@app/transport';
import { AuthModule } from './auth/auth.module';
import { AuthorizationModule } from './authorization/authorization.module';
import { AvatarsModule } from './avatars/avatars.module';
import { BootstrapModule } from './bootstrap/bootstrap.module';
import { DataExportModule } from './data-export/data-export.module';
import { DirectoryModule } from './directory/directory.module';
import { InvitesModule } from './invites/invites.module';
import { MailModule } from './mail/mail.module';
import { RoomsModule } from './rooms/rooms.module';
import { ServerInfoModule } from './server-info/server-info.module';
import { SettingsModule } from './settings/settings.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { UsersModule } from './users/users.module';

/**
 * users-rooms: one module per bounded context, each the only one to register its schemas. Contexts depend
 * downwards only (lint checks it): settings ← authorization ← mail ← subscriptions ← users ← auth, rooms ←
 * avatars, data-export, bootstrap.
 */
@Module({
  imports: [
    ConfigModule.forRoot(usersRoomsEnvSpec),
    rcLoggerModule(),
    DatabaseModule.forRoot(),
    TransportModule.forRoot(USERS_ROOMS_SERVICE),
    JobsModule.forRoot(),
    StorageModule,
    EventEmitterModule.forRoot(),
    ServiceHealthModule.register(InternalPattern.UsersRoomsHealth),
    SettingsModule,
    AuthorizationModule,
    MailModule,
    SubscriptionsModule,
    UsersModule,
    AuthModule,
    RoomsModule,
    InvitesModule,
    DirectoryModule,
    AvatarsModule,
    DataExportModule,
    ServerInfoModule,
    BootstrapModule,
  ],
})
export class AppModule {}
