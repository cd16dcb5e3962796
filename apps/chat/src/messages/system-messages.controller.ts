import { Controller } from '@nestjs/common';
import { InternalPattern, RoomReadEvent, SystemMessageEvent } from '@app/contracts';
import { HandlesEvent } from '@app/transport';
import { ReadReceiptsService } from './read-receipts.service';
import { SystemMessagesService } from './system-messages.service';

/** Durable events from the rooms context. */
@Controller()
export class SystemMessagesController {
  constructor(
    private readonly system: SystemMessagesService,
    private readonly receipts: ReadReceiptsService,
  ) {}

  @HandlesEvent(InternalPattern.ChatSystemMessage)
  async systemMessage(e: SystemMessageEvent): Promise<void> {
    await this.system.write(e);
  }

  @HandlesEvent(InternalPattern.ChatRoomDeleted)
  roomDeleted(e: { rid: string }) {
    return this.system.roomDeleted(e.rid);
  }

  @HandlesEvent(InternalPattern.ChatRoomRead)
  roomRead(e: RoomReadEvent) {
    return this.receipts.roomRead(e);
  }
}
