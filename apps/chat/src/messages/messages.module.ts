import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RoomAccessModule } from '../room-access/room-access.module';
import { UploadsModule } from '../uploads/uploads.module';
import { DirectMessagesController } from './direct-messages.controller';
import { DirectRoomMessagesService } from './direct-messages.service';
import { MessageLookupController } from './message-lookup.controller';
import { MessageLookupService } from './message-lookup.service';
import { MessagesController } from './messages.controller';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';
import { RoomMessagesController } from './room-messages.controller';
import { RoomMessagesService } from './room-messages.service';
import { Message, MessageSchema } from './schemas/message.schema';
import { SystemMessagesController } from './system-messages.controller';
import { SystemMessagesService } from './system-messages.service';

/** Owner of `rocketchat_message`: sending and reading messages, and the system messages rooms ask for. */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: Message.name, schema: MessageSchema }]),
    RoomAccessModule,
    UploadsModule,
  ],
  controllers: [
    MessagesController,
    RoomMessagesController,
    SystemMessagesController,
    DirectMessagesController,
    MessageLookupController,
  ],
  providers: [
    MessagesRepository,
    MessagesService,
    RoomMessagesService,
    SystemMessagesService,
    DirectRoomMessagesService,
    MessageLookupService,
  ],
})
export class MessagesModule {}
