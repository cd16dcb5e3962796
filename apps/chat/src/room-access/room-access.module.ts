import { Module } from '@nestjs/common';
import { PermissionsClientModule } from '@app/auth';
import { RoomAccessCache } from './room-access.cache';
import { RoomAccessService } from './room-access.service';

/** Room access decided in chat, from rooms and memberships cached per replica (invalidated by events). */
@Module({
  imports: [PermissionsClientModule],
  providers: [RoomAccessCache, RoomAccessService],
  exports: [RoomAccessCache, RoomAccessService],
})
export class RoomAccessModule {}
