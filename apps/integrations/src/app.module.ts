import { Module } from '@nestjs/common';
import { ConfigModule, serviceEnvSpec } from '@app/config';
import { INTEGRATIONS_SERVICE, InternalPattern } from '@app/contracts';
import { DatabaseModule } from '@app/database';
import { ServiceHealthModule } from '@app/health';
import { rcLoggerModule } from '@app/logging';
import { TransportModule } from '@app/transport';

/** Owner of incoming and outgoing webhooks, their history, OAuth apps, statistics, assets. Its endpoints arrive with their issues; for now it serves health. */
@Module({
  imports: [
    ConfigModule.forRoot(serviceEnvSpec),
    rcLoggerModule(),
    DatabaseModule.forRoot(),
    TransportModule.forRoot(INTEGRATIONS_SERVICE),
    ServiceHealthModule.register(InternalPattern.IntegrationsHealth),
  ],
})
export class AppModule {}
