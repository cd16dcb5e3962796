import { Controller } from '@nestjs/common';
import {
  InternalPattern,
  MessageEditedEvent,
  MessageRemovedEvent,
  OpenForPostPayload,
  MessageSentEvent,
  RoomsAccessPayload,
} from '@app/contracts';
import { Handles, HandlesEvent } from '@app/transport';
import { RoomAccessService } from './room-access.service';
import { RoomActivityService } from './room-activity.service';

/** What chat asks of the rooms context, and what it tells it after storing a message. */
@Controller()
export class RoomInternalController {
  constructor(
    private readonly access: RoomAccessService,
    private readonly activity: RoomActivityService,
  ) {}

  @Handles(InternalPattern.RoomsOpenForPost)
  openForPost(p: OpenForPostPayload) {
    return this.access.openForPost(p);
  }

  @Handles(InternalPattern.RoomsAccess)
  snapshot(p: RoomsAccessPayload) {
    return this.access.snapshot(p);
  }

  @HandlesEvent(InternalPattern.RoomsMessageSent)
  messageSent(e: MessageSentEvent) {
    return this.activity.onMessageSent(e);
  }

  @HandlesEvent(InternalPattern.RoomsMessageEdited)
  messageEdited(e: MessageEditedEvent) {
    return this.activity.onMessageEdited(e);
  }

  @HandlesEvent(InternalPattern.RoomsThreadRead)
  threadRead(e: { rid: string; userId: string; tmid: string }) {
    return this.activity.onThreadRead(e);
  }

  @HandlesEvent(InternalPattern.RoomsMessageRemoved)
  messageRemoved(e: MessageRemovedEvent) {
    return this.activity.onMessageRemoved(e);
  }
}
