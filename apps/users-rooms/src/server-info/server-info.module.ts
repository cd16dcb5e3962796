import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { InstancesService } from './instances.service';
import { LicensesService } from './licenses.service';
import { ServerInfoController } from './server-info.controller';
import { ServerInfoService } from './server-info.service';

/** What a client learns of the server itself: `/api/info`, the running instances, the (absent) licence. */
@Module({
  imports: [UsersModule],
  controllers: [ServerInfoController],
  providers: [ServerInfoService, InstancesService, LicensesService],
})
export class ServerInfoModule {}
