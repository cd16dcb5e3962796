import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, serviceEnvSpec } from '@app/config';
import { INTEGRATIONS_SERVICE, IntegrationsPattern } from '@app/contracts';
import { DatabaseModule, ServiceHealthModule } from '@app/database';
import { TransportModule } from '@app/transport';

/** Owner of incoming and outgoing webhooks, their history, OAuth apps, statistics, assets. Its endpoints arrive with their issues; for now it serves health. */
@Module({
  imports: [
    ConfigModule.forRoot(serviceEnvSpec),
    LoggerModule.forRoot({ pinoHttp: { level: process.env.LOG_LEVEL ?? 'info', autoLogging: false } }),
    DatabaseModule.forRoot(),
    TransportModule.forRoot(INTEGRATIONS_SERVICE),
    ServiceHealthModule.register(IntegrationsPattern.Health),
  ],
})
export class AppModule {}
