import { Controller } from '@nestjs/common';
import {
  AnonymousReadPayload,
  ChannelsPattern,
  CleanHistoryPayload,
  CountersPayload,
  GroupsPattern,
  HistoryPayload,
  roomKindOf,
  RoomFilesPayload,
  RoomMessagesPayload,
  UserMentionsPayload,
  CHANNEL_KIND,
  RoomsPattern,
} from '@app/contracts';
import { Handles, StreamsContext } from '@app/transport';
import { RoomMessagesService } from './room-messages.service';

const C = ChannelsPattern;
const G = GroupsPattern;

/** The message endpoints of channels.* and groups.* (room data is users-rooms'; messages are chat's). */
@Controller()
export class RoomMessagesController {
  constructor(private readonly rooms: RoomMessagesService) {}

  @Handles(C.History, G.History)
  history(p: HistoryPayload, ctx: StreamsContext) {
    return this.rooms.history(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.Messages, G.Messages)
  messages(p: RoomMessagesPayload, ctx: StreamsContext) {
    return this.rooms.list(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.Files, G.Files)
  files(p: RoomFilesPayload, ctx: StreamsContext) {
    return this.rooms.files(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.Counters, G.Counters)
  counters(p: CountersPayload, ctx: StreamsContext) {
    return this.rooms.counters(roomKindOf(ctx.getPattern()), p);
  }

  @Handles(C.CleanHistory)
  cleanHistory(p: CleanHistoryPayload) {
    return this.rooms.cleanHistory(CHANNEL_KIND, p);
  }

  @Handles(RoomsPattern.CleanHistory)
  cleanAnyHistory(p: CleanHistoryPayload) {
    return this.rooms.cleanAnyHistory(p);
  }

  @Handles(C.GetAllUserMentionsByChannel)
  mentions(p: UserMentionsPayload) {
    return this.rooms.mentions(p);
  }

  @Handles(C.AnonymousRead)
  anonymousRead(p: AnonymousReadPayload) {
    return this.rooms.anonymousRead(p);
  }
}
