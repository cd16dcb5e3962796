import { Module } from '@nestjs/common';
import { ConfigModule, serviceEnvSpec, rcLoggerModule } from '@app/config';
import { CHAT_SERVICE, ChatPattern } from '@app/contracts';
import { DatabaseModule, ServiceHealthModule } from '@app/database';
import { TransportModule } from '@app/transport';
import { MessagesModule } from './messages/messages.module';

@Module({
  imports: [
    ConfigModule.forRoot(serviceEnvSpec),
    rcLoggerModule(),
    DatabaseModule.forRoot(),
    TransportModule.forRoot(CHAT_SERVICE),
    ServiceHealthModule.register(ChatPattern.Health),
    MessagesModule,
  ],
})
export class AppModule {}
