import { Controller, Get, Post } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, HIDDEN_ROOM_FIELDS, ImPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { isTrue, ValidBody, ValidQuery } from '@app/validation';
import { PagingParser } from '../platform/paging.parser';
import { RoomListDto } from '../rooms/dto/room-params.dto';
import {
  ImCountersDto,
  ImCreateDto,
  ImFilesDto,
  ImHistoryDto,
  ImMembersDto,
  ImMessagesDto,
  ImMessagesOthersDto,
  ImRoomDto,
  ImSetTopicDto,
} from './dto/im.dto';

/** `im.x` and its `dm.x` alias (Rocket.Chat serves every im.* route under both names). */
const both = (name: string) => [`im.${name}`, `dm.${name}`];

/**
 * Direct messages: the rooms, members and lists are users-rooms'; history, messages, files and counters are
 * chat's. Every route answers under `im.` and `dm.`.
 */
@Controller('api/v1')
export class ImController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly paging: PagingParser,
  ) {}

  @Post(both('create'))
  create(@CurrentUser() caller: AuthUser, @ValidBody(ImCreateDto) dto: ImCreateDto) {
    return this.rpc.send(ImPattern.Create, { caller, ...dto });
  }

  @Post(both('open'))
  open(@CurrentUser() caller: AuthUser, @ValidBody(ImRoomDto) dto: ImRoomDto) {
    return this.rpc.send(ImPattern.Open, { caller, ...dto });
  }

  @Post(both('close'))
  close(@CurrentUser() caller: AuthUser, @ValidBody(ImRoomDto) dto: ImRoomDto) {
    return this.rpc.send(ImPattern.Close, { caller, ...dto });
  }

  @Post(both('setTopic'))
  setTopic(@CurrentUser() caller: AuthUser, @ValidBody(ImSetTopicDto) dto: ImSetTopicDto) {
    return this.rpc.send(ImPattern.SetTopic, { caller, ...dto });
  }

  @Get(both('counters'))
  counters(@CurrentUser() caller: AuthUser, @ValidQuery(ImCountersDto) dto: ImCountersDto) {
    return this.rpc.send(ImPattern.Counters, { caller, ...dto });
  }

  @Get(both('history'))
  async history(@CurrentUser() caller: AuthUser, @ValidQuery(ImHistoryDto) dto: ImHistoryDto) {
    const { offset, count } = await this.paging.offsetCount(dto);
    return this.rpc.send(ImPattern.History, {
      caller,
      roomId: dto.roomId,
      latest: dto.latest,
      oldest: dto.oldest,
      inclusive: isTrue(dto.inclusive),
      unreads: isTrue(dto.unreads),
      showThreadMessages: isTrue(dto.showThreadMessages),
      offset,
      count,
    });
  }

  @Get(both('messages'))
  async messages(@CurrentUser() caller: AuthUser, @ValidQuery(ImMessagesDto) dto: ImMessagesDto) {
    const { roomId, username, mentionIds, starredIds, pinned, ...paging } = dto;
    const page = await this.paging.page(paging);
    return this.rpc.send(ImPattern.Messages, {
      caller,
      roomId,
      username,
      page,
      mentionIds,
      starredIds,
      pinned: isTrue(pinned),
    });
  }

  @Get(both('files'))
  async files(@CurrentUser() caller: AuthUser, @ValidQuery(ImFilesDto) dto: ImFilesDto) {
    const { roomId, username, name, typeGroup, ...paging } = dto;
    const page = await this.paging.page(paging);
    return this.rpc.send(ImPattern.Files, { caller, roomId, username, page, name, typeGroup });
  }

  @Get(both('members'))
  async members(@CurrentUser() caller: AuthUser, @ValidQuery(ImMembersDto) dto: ImMembersDto) {
    const { offset, count, sort } = await this.paging.page({ offset: dto.offset, count: dto.count, sort: dto.sort });
    return this.rpc.send(ImPattern.Members, {
      caller,
      roomId: dto.roomId,
      username: dto.username,
      offset,
      count,
      sort,
      status: dto.status === undefined ? undefined : [dto.status].flat(),
      filter: dto.filter,
    });
  }

  @Get(both('messages.others'))
  async messagesOthers(@CurrentUser() caller: AuthUser, @ValidQuery(ImMessagesOthersDto) dto: ImMessagesOthersDto) {
    const { roomId, ...paging } = dto;
    const page = await this.paging.page(paging);
    return this.rpc.send(ImPattern.MessagesOthers, { caller, roomId, page });
  }

  @Get(both('list'))
  async list(@CurrentUser() caller: AuthUser, @ValidQuery(RoomListDto) dto: RoomListDto) {
    const page = await this.paging.page(dto, { hiddenFields: HIDDEN_ROOM_FIELDS });
    return this.rpc.send(ImPattern.List, { caller, page });
  }

  @Get(both('list.everyone'))
  async listEveryone(@CurrentUser() caller: AuthUser, @ValidQuery(RoomListDto) dto: RoomListDto) {
    const page = await this.paging.page(dto, { hiddenFields: HIDDEN_ROOM_FIELDS });
    return this.rpc.send(ImPattern.ListEveryone, { caller, page });
  }
}
