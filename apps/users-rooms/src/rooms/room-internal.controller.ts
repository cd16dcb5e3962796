import { Controller } from '@nestjs/common';
import { AuthorizePostPayload, InternalPattern, MessageSentEvent, RoomsAccessPayload } from '@app/contracts';
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

  @Handles(InternalPattern.RoomsAuthorizePost)
  authorizePost(p: AuthorizePostPayload) {
    return this.access.authorizePost(p);
  }

  @Handles(InternalPattern.RoomsAccess)
  snapshot(p: RoomsAccessPayload) {
    return this.access.snapshot(p);
  }

  @HandlesEvent(InternalPattern.RoomsMessageSent)
  messageSent(e: MessageSentEvent) {
    return this.activity.onMessageSent(e);
  }
}
