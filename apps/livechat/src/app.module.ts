import { Module } from '@nestjs/common';
import { ConfigModule, serviceEnvSpec, rcLoggerModule } from '@app/config';
import { LIVECHAT_SERVICE, LivechatPattern } from '@app/contracts';
import { DatabaseModule, ServiceHealthModule } from '@app/database';
import { TransportModule } from '@app/transport';

/** Owner of visitors, livechat rooms, inquiries and their routing to agents. Its endpoints arrive with their issues; for now it serves health. */
@Module({
  imports: [
    ConfigModule.forRoot(serviceEnvSpec),
    rcLoggerModule(),
    DatabaseModule.forRoot(),
    TransportModule.forRoot(LIVECHAT_SERVICE),
    ServiceHealthModule.register(LivechatPattern.Health),
  ],
})
export class AppModule {}
