import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, serviceEnvSpec } from '@app/config';
import { CHAT_SERVICE, ChatPattern } from '@app/contracts';
import { DatabaseModule, ServiceHealthModule } from '@app/database';
import { TransportModule } from '@app/transport';
import { MessagesModule } from './messages/messages.module';

@Module({
  imports: [
    ConfigModule.forRoot(serviceEnvSpec),
    LoggerModule.forRoot({ pinoHttp: { level: process.env.LOG_LEVEL ?? 'info', autoLogging: false } }),
    DatabaseModule.forRoot(),
    TransportModule.forRoot(CHAT_SERVICE),
    ServiceHealthModule.register(ChatPattern.Health),
    MessagesModule,
  ],
})
export class AppModule {}
