import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import {
  AuthorizePostPayload,
  AuthorizeReadPayload,
  ChannelsCreatePayload,
  ChannelsInfoPayload,
  ListPayload,
  MessageSentEvent,
  UsersRoomsPattern,
} from '@app/contracts';
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

  @MessagePattern(UsersRoomsPattern.ChannelsCreate)
  create(@Payload() p: ChannelsCreatePayload) {
    return this.rooms.createChannel(p);
  }

  @MessagePattern(UsersRoomsPattern.ChannelsInfo)
  info(@Payload() p: ChannelsInfoPayload) {
    return this.rooms.channelInfo(p);
  }

  @MessagePattern(UsersRoomsPattern.ChannelsList)
  list(@Payload() p: ListPayload) {
    return this.rooms.listChannels(p.caller, p.page);
  }

  @MessagePattern(UsersRoomsPattern.RoomsAuthorizePost)
  authorizePost(@Payload() p: AuthorizePostPayload) {
    return this.access.authorizePost(p);
  }

  @MessagePattern(UsersRoomsPattern.RoomsAuthorizeRead)
  authorizeRead(@Payload() p: AuthorizeReadPayload) {
    return this.access.authorizeRead(p);
  }

  @EventPattern(UsersRoomsPattern.RoomsMessageSent)
  messageSent(@Payload() e: MessageSentEvent) {
    return this.activity.onMessageSent(e);
  }
}
