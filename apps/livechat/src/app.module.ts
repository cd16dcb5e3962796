import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, serviceEnvSpec } from '@app/config';
import { LIVECHAT_SERVICE, LivechatPattern } from '@app/contracts';
import { DatabaseModule, ServiceHealthModule } from '@app/database';
import { TransportModule } from '@app/transport';

/** Owner of visitors, livechat rooms, inquiries and their routing to agents. Its endpoints arrive with their issues; for now it serves health. */
@Module({
  imports: [
    ConfigModule.forRoot(serviceEnvSpec),
    LoggerModule.forRoot({ pinoHttp: { level: process.env.LOG_LEVEL ?? 'info', autoLogging: false } }),
    DatabaseModule.forRoot(),
    TransportModule.forRoot(LIVECHAT_SERVICE),
    ServiceHealthModule.register(LivechatPattern.Health),
  ],
})
export class AppModule {}
