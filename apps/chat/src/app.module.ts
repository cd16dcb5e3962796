import { Module } from '@nestjs/common';
import { ConfigModule, serviceEnvSpec } from '@app/config';
import { CHAT_SERVICE, InternalPattern } from '@app/contracts';
import { DatabaseModule } from '@app/database';
import { ServiceHealthModule } from '@app/health';
import { rcLoggerModule } from '@app/logging';
import { SettingsClientModule } from '@app/settings';
import { StorageModule } from '@app/storage';
import { TransportModule } from '@app/transport';
import { MessagesModule } from './messages/messages.module';
import { RoomUploadsModule } from './uploads/room-uploads.module';

@Module({
  imports: [
    ConfigModule.forRoot(serviceEnvSpec),
    rcLoggerModule(),
    DatabaseModule.forRoot(),
    TransportModule.forRoot(CHAT_SERVICE),
    SettingsClientModule,
    StorageModule,
    ServiceHealthModule.register(InternalPattern.ChatHealth),
    MessagesModule,
    RoomUploadsModule,
  ],
})
export class AppModule {}
