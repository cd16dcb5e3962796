import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RoomAccessModule } from '../room-access/room-access.module';
import { UploadsModule } from '../uploads/uploads.module';
import { DirectMessagesController } from './direct-messages.controller';
import { DirectRoomMessagesService } from './direct-messages.service';
import { MessageActionsService } from './message-actions.service';
import { MessageComposer } from './message-composer.service';
import { MessageEditService } from './message-edit.service';
import { MessageLookupController } from './message-lookup.controller';
import { MessageLookupService } from './message-lookup.service';
import { MessageReadsService } from './message-reads.service';
import { MessagesController } from './messages.controller';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';
import { ReadableMessages } from './readable-messages.service';
import { ReadReceiptsRepository } from './read-receipts.repository';
import { ReadReceiptsService } from './read-receipts.service';
import { ReportsRepository } from './reports.repository';
import { RoomMessagesController } from './room-messages.controller';
import { RoomMessagesService } from './room-messages.service';
import { Message, MessageSchema } from './schemas/message.schema';
import { ReadReceipt, ReadReceiptSchema } from './schemas/read-receipt.schema';
import { Report, ReportSchema } from './schemas/report.schema';
import { Trash, TrashSchema } from './schemas/trash.schema';
import { SystemMessagesController } from './system-messages.controller';
import { SystemMessagesService } from './system-messages.service';
import { ThreadsService } from './threads.service';
import { TrashRepository } from './trash.repository';

/**
 * Owner of `rocketchat_message` (and of its trash, read receipts and reports): sending, editing and reading
 * messages, threads, reactions, pins, stars; the message endpoints of rooms; the system messages rooms ask for.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Message.name, schema: MessageSchema },
      { name: Trash.name, schema: TrashSchema },
      { name: ReadReceipt.name, schema: ReadReceiptSchema },
      { name: Report.name, schema: ReportSchema },
    ]),
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
    TrashRepository,
    ReadReceiptsRepository,
    ReportsRepository,
    ReadableMessages,
    MessageComposer,
    MessagesService,
    MessageEditService,
    MessageReadsService,
    MessageActionsService,
    ThreadsService,
    ReadReceiptsService,
    RoomMessagesService,
    SystemMessagesService,
    DirectRoomMessagesService,
    MessageLookupService,
  ],
  exports: [MessagesService],
})
export class MessagesModule {}
