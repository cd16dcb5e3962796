import { Controller, Get, Post } from '@nestjs/common';
import { CurrentUser, OptionalAuth } from '@app/auth';
import { AuthUser, CHANNEL_KIND, ChannelsPattern, HIDDEN_ROOM_FIELDS } from '@app/contracts';
import { parseQuery } from '@app/paging';
import { RpcClient } from '@app/transport';
import { ValidBody, ValidQuery } from '@app/validation';
import { PagingParser } from '../platform/paging.parser';
import { RoomListDto } from '../rooms/dto/room-params.dto';
import { roomEndpoints } from '../rooms/room-endpoints.controller';
import {
  ChannelsAddAllDto,
  ChannelsAnonymousReadDto,
  ChannelsCleanHistoryDto,
  ChannelsGetIntegrationsDto,
  ChannelsJoinDto,
  ChannelsMentionsDto,
  ChannelsOnlineDto,
  ChannelsSetDefaultDto,
  ChannelsSetJoinCodeDto,
} from './dto/channels.dto';

/** The endpoints channels.* shares with groups.* (create, info, invite, kick, setTopic, history, ...). */
export const ChannelsRoomController = roomEndpoints(CHANNEL_KIND, ChannelsPattern);

/** What only public channels have: the lists, join, addAll, online, join codes, default channels, ... */
@Controller('api/v1')
export class ChannelsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly paging: PagingParser,
  ) {}

  @Get('channels.list')
  async list(@CurrentUser() caller: AuthUser, @ValidQuery(RoomListDto) dto: RoomListDto) {
    const page = await this.paging.page(dto, { hiddenFields: HIDDEN_ROOM_FIELDS });
    return this.rpc.send(ChannelsPattern.List, { caller, page });
  }

  @Get('channels.list.joined')
  async listJoined(@CurrentUser() caller: AuthUser, @ValidQuery(RoomListDto) dto: RoomListDto) {
    const page = await this.paging.page(dto, { hiddenFields: HIDDEN_ROOM_FIELDS });
    return this.rpc.send(ChannelsPattern.ListJoined, { caller, page });
  }

  @Post('channels.join')
  join(@CurrentUser() caller: AuthUser, @ValidBody(ChannelsJoinDto) dto: ChannelsJoinDto) {
    return this.rpc.send(ChannelsPattern.Join, { caller, ...dto });
  }

  @Post('channels.addAll')
  addAll(@CurrentUser() caller: AuthUser, @ValidBody(ChannelsAddAllDto) dto: ChannelsAddAllDto) {
    return this.rpc.send(ChannelsPattern.AddAll, { caller, ...dto });
  }

  @Get('channels.online')
  online(@CurrentUser() caller: AuthUser, @ValidQuery(ChannelsOnlineDto) dto: ChannelsOnlineDto) {
    return this.rpc.send(ChannelsPattern.Online, { caller, _id: dto._id, query: parseQuery(dto.query) });
  }

  @Post('channels.setJoinCode')
  setJoinCode(@CurrentUser() caller: AuthUser, @ValidBody(ChannelsSetJoinCodeDto) dto: ChannelsSetJoinCodeDto) {
    return this.rpc.send(ChannelsPattern.SetJoinCode, { caller, ...dto });
  }

  @Post('channels.setDefault')
  setDefault(@CurrentUser() caller: AuthUser, @ValidBody(ChannelsSetDefaultDto) dto: ChannelsSetDefaultDto) {
    return this.rpc.send(ChannelsPattern.SetDefault, { caller, ...dto });
  }

  @Get('channels.getIntegrations')
  async getIntegrations(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(ChannelsGetIntegrationsDto) dto: ChannelsGetIntegrationsDto,
  ) {
    const { roomId, roomName, includeAllPublicChannels, ...paging } = dto;
    const page = await this.paging.page(paging);
    return this.rpc.send(ChannelsPattern.GetIntegrations, {
      caller,
      roomId,
      roomName,
      includeAllPublicChannels: includeAllPublicChannels !== 'false',
      page,
    });
  }

  /** Rocket.Chat removed it in 0.67; kept as the channels-only form of rooms.cleanHistory. */
  @Post('channels.cleanHistory')
  cleanHistory(@CurrentUser() caller: AuthUser, @ValidBody(ChannelsCleanHistoryDto) dto: ChannelsCleanHistoryDto) {
    return this.rpc.send(ChannelsPattern.CleanHistory, { caller, ...dto });
  }

  @Get('channels.getAllUserMentionsByChannel')
  async mentions(@CurrentUser() caller: AuthUser, @ValidQuery(ChannelsMentionsDto) dto: ChannelsMentionsDto) {
    const { offset, count, sort } = await this.paging.page(dto);
    return this.rpc.send(ChannelsPattern.GetAllUserMentionsByChannel, {
      caller,
      roomId: dto.roomId ?? '',
      offset,
      count,
      sort,
    });
  }

  /** No login needed (`Accounts_AllowAnonymousRead`); a logged-in caller reads as itself. */
  @OptionalAuth()
  @Get('channels.anonymousread')
  async anonymousRead(
    @CurrentUser() caller: AuthUser | undefined,
    @ValidQuery(ChannelsAnonymousReadDto) dto: ChannelsAnonymousReadDto,
  ) {
    const { roomId, roomName, ...paging } = dto;
    const page = await this.paging.page(paging);
    return this.rpc.send(ChannelsPattern.AnonymousRead, { caller, roomId, roomName, page });
  }
}
