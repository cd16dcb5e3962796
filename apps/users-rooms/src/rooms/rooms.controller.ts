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
import { RoomsService } from './rooms.service';

@Controller()
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

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
    return this.rooms.authorizePost(p);
  }

  @MessagePattern(UsersRoomsPattern.RoomsAuthorizeRead)
  authorizeRead(@Payload() p: AuthorizeReadPayload) {
    return this.rooms.authorizeRead(p);
  }

  @EventPattern(UsersRoomsPattern.RoomsMessageSent)
  messageSent(@Payload() e: MessageSentEvent) {
    return this.rooms.onMessageSent(e);
  }
}
