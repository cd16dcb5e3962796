import { Controller } from '@nestjs/common';
import {
  AuthorizePostPayload,
  AuthorizeReadPayload,
  ChannelsCreatePayload,
  ChannelsInfoPayload,
  ChannelsPattern,
  InternalPattern,
  ListPayload,
  MessageSentEvent,
} from '@app/contracts';
import { Handles, HandlesEvent } from '@app/transport';
import { RoomAccessService } from './room-access.service';
import { RoomActivityService } from './room-activity.service';
import { RoomsService } from './rooms.service';

@Controller()
export class RoomsController {
  constructor(
    private readonly rooms: RoomsService,
    private readonly access: RoomAccessService,
    private readonly activity: RoomActivityService,
  ) {}

  @Handles(ChannelsPattern.Create)
  create(p: ChannelsCreatePayload) {
    return this.rooms.createChannel(p);
  }

  @Handles(ChannelsPattern.Info)
  info(p: ChannelsInfoPayload) {
    return this.rooms.channelInfo(p);
  }

  @Handles(ChannelsPattern.List)
  list(p: ListPayload) {
    return this.rooms.listChannels(p.caller, p.page);
  }

  @Handles(InternalPattern.RoomsAuthorizePost)
  authorizePost(p: AuthorizePostPayload) {
    return this.access.authorizePost(p);
  }

  @Handles(InternalPattern.RoomsAuthorizeRead)
  authorizeRead(p: AuthorizeReadPayload) {
    return this.access.authorizeRead(p);
  }

  @HandlesEvent(InternalPattern.RoomsMessageSent)
  messageSent(e: MessageSentEvent) {
    return this.activity.onMessageSent(e);
  }
}
