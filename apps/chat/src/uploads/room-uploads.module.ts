import { Module } from '@nestjs/common';
import { MessagesModule } from '../messages/messages.module';
import { RoomAccessModule } from '../room-access/room-access.module';
import { RoomUploadsController } from './room-uploads.controller';
import { RoomUploadsService } from './room-uploads.service';
import { UploadsModule } from './uploads.module';

/** Files posted to rooms: filed by the uploads context, their messages written by the messages context. */
@Module({
  imports: [UploadsModule, RoomAccessModule, MessagesModule],
  controllers: [RoomUploadsController],
  providers: [RoomUploadsService],
})
export class RoomUploadsModule {}
