import { Controller } from '@nestjs/common';
import { InternalPattern, SystemMessageEvent } from '@app/contracts';
import { HandlesEvent } from '@app/transport';
import { SystemMessagesService } from './system-messages.service';

/** Durable events from the rooms context. */
@Controller()
export class SystemMessagesController {
  constructor(private readonly system: SystemMessagesService) {}

  @HandlesEvent(InternalPattern.ChatSystemMessage)
  systemMessage(e: SystemMessageEvent) {
    return this.system.write(e);
  }

  @HandlesEvent(InternalPattern.ChatRoomDeleted)
  roomDeleted(e: { rid: string }) {
    return this.system.roomDeleted(e.rid);
  }
}
