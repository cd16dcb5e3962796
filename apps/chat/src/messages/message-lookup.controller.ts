import { Controller } from '@nestjs/common';
import { MessageLookupPattern, UnreadSincePayload } from '@app/contracts';
import { Handles } from '@app/transport';
import { MessageLookupService } from './message-lookup.service';

/** Message look-ups users-rooms asks for (internal patterns, no REST route). */
@Controller()
export class MessageLookupController {
  constructor(private readonly lookup: MessageLookupService) {}

  @Handles(MessageLookupPattern.MessageRef)
  messageRef(p: { messageId: string }) {
    return this.lookup.messageRef(p.messageId);
  }

  @Handles(MessageLookupPattern.LastMessage)
  lastMessage(p: { rid: string }) {
    return this.lookup.lastMessage(p.rid);
  }

  @Handles(MessageLookupPattern.UnreadSince)
  unreadSince(p: UnreadSincePayload) {
    return this.lookup.unreadSince(p);
  }
}
