import { Module } from '@nestjs/common';
import { PermissionsClientModule } from '@app/auth';
import { DirectoryModule } from '../directory/directory.module';
import { RoomAccessCache } from './room-access.cache';
import { RoomAccessService } from './room-access.service';
import { SendAccessService } from './send-access.service';

/** Room access decided in chat, from rooms and memberships cached per replica (invalidated by events). */
@Module({
  imports: [PermissionsClientModule, DirectoryModule],
  providers: [RoomAccessCache, RoomAccessService, SendAccessService],
  exports: [RoomAccessCache, RoomAccessService, SendAccessService, DirectoryModule],
})
export class RoomAccessModule {}
