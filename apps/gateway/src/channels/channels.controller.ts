import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, ChatPattern, UsersRoomsPattern } from '@app/contracts';
import { RawPaging } from '@app/paging';
import { RpcClient } from '@app/transport';
import { PagingParser } from '../core/paging.parser';
import { ChannelsCreateDto } from './dto/channels-create.dto';

const HIDDEN_ROOM_FIELDS = ['joinCode', 'members', 'importIds', 'e2e'];

@Controller('api/v1')
export class ChannelsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly paging: PagingParser,
  ) {}

  @Post('channels.create')
  create(@CurrentUser() caller: AuthUser, @Body() dto: ChannelsCreateDto) {
    return this.rpc.send(UsersRoomsPattern.ChannelsCreate, { caller, ...dto });
  }

  @Get('channels.info')
  info(@CurrentUser() caller: AuthUser, @Query() q: Record<string, string | undefined>) {
    return this.rpc.send(UsersRoomsPattern.ChannelsInfo, { caller, roomId: q.roomId, roomName: q.roomName });
  }

  @Get('channels.list')
  async list(@CurrentUser() caller: AuthUser, @Query() q: RawPaging) {
    const page = await this.paging.page(q, { hiddenFields: HIDDEN_ROOM_FIELDS });
    return this.rpc.send(UsersRoomsPattern.ChannelsList, { caller, page });
  }

  @Get('channels.history')
  async history(@CurrentUser() caller: AuthUser, @Query() q: Record<string, string | undefined>) {
    const { offset, count } = await this.paging.offsetCount(q);
    return this.rpc.send(ChatPattern.ChannelsHistory, {
      caller,
      roomId: q.roomId,
      roomName: q.roomName,
      latest: q.latest,
      oldest: q.oldest,
      inclusive: q.inclusive === 'true',
      unreads: q.unreads === 'true',
      showThreadMessages: q.showThreadMessages !== 'false',
      offset,
      count,
    });
  }
}
