import { Controller, Get, Post } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, ChannelsPattern, HIDDEN_ROOM_FIELDS } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { isTrue, ValidBody, ValidQuery } from '@app/validation';
import { PagingParser } from '../platform/paging.parser';
import { ChannelsCreateDto, ChannelsHistoryDto, ChannelsInfoDto, ChannelsListDto } from './dto/channels.dto';

/** channels.*: room data is users-rooms'; `history` is chat's. */
@Controller('api/v1')
export class ChannelsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly paging: PagingParser,
  ) {}

  @Post('channels.create')
  create(@CurrentUser() caller: AuthUser, @ValidBody(ChannelsCreateDto) dto: ChannelsCreateDto) {
    return this.rpc.send(ChannelsPattern.Create, { caller, ...dto });
  }

  @Get('channels.info')
  info(@CurrentUser() caller: AuthUser, @ValidQuery(ChannelsInfoDto) dto: ChannelsInfoDto) {
    return this.rpc.send(ChannelsPattern.Info, { caller, ...dto });
  }

  @Get('channels.list')
  async list(@CurrentUser() caller: AuthUser, @ValidQuery(ChannelsListDto) dto: ChannelsListDto) {
    const page = await this.paging.page(dto, { hiddenFields: HIDDEN_ROOM_FIELDS });
    return this.rpc.send(ChannelsPattern.List, { caller, page });
  }

  @Get('channels.history')
  async history(@CurrentUser() caller: AuthUser, @ValidQuery(ChannelsHistoryDto) dto: ChannelsHistoryDto) {
    const { offset, count } = await this.paging.offsetCount(dto);
    return this.rpc.send(ChannelsPattern.History, {
      caller,
      ...dto,
      inclusive: isTrue(dto.inclusive),
      unreads: isTrue(dto.unreads),
      showThreadMessages: dto.showThreadMessages !== 'false',
      offset,
      count,
    });
  }
}
