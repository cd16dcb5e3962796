import { Module } from '@nestjs/common';
import { RoomsModule } from '../rooms/rooms.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { UsersModule } from '../users/users.module';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';
import { SpotlightService } from './spotlight.service';

/** Searching users and rooms (no collection of its own): directory and spotlight, within what the caller may see. */
@Module({
  imports: [RoomsModule, SubscriptionsModule, UsersModule],
  controllers: [DirectoryController],
  providers: [DirectoryService, SpotlightService],
})
export class DirectoryModule {}
