import { Module } from '@nestjs/common';
import { ConfigModule, serviceEnvSpec } from '@app/config';
import { LIVECHAT_SERVICE, InternalPattern } from '@app/contracts';
import { DatabaseModule } from '@app/database';
import { ServiceHealthModule } from '@app/health';
import { rcLoggerModule } from '@app/logging';
import { TransportModule } from '@app/transport';

/** Owner of visitors, livechat rooms, inquiries and their routing to agents. Its endpoints arrive with their issues; for now it serves health. */
@Module({
  imports: [
    ConfigModule.forRoot(serviceEnvSpec),
    rcLoggerModule(),
    DatabaseModule.forRoot(),
    TransportModule.forRoot(LIVECHAT_SERVICE),
    ServiceHealthModule.register(InternalPattern.LivechatHealth),
  ],
})
export class AppModule {}
