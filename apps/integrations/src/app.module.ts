import { Module } from '@nestjs/common';
import { ConfigModule, serviceEnvSpec, rcLoggerModule } from '@app/config';
import { INTEGRATIONS_SERVICE, IntegrationsPattern } from '@app/contracts';
import { DatabaseModule, ServiceHealthModule } from '@app/database';
import { TransportModule } from '@app/transport';

/** Owner of incoming and outgoing webhooks, their history, OAuth apps, statistics, assets. Its endpoints arrive with their issues; for now it serves health. */
@Module({
  imports: [
    ConfigModule.forRoot(serviceEnvSpec),
    rcLoggerModule(),
    DatabaseModule.forRoot(),
    TransportModule.forRoot(INTEGRATIONS_SERVICE),
    ServiceHealthModule.register(IntegrationsPattern.Health),
  ],
})
export class AppModule {}
