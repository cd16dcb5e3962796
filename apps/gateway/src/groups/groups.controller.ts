import { Controller, Get } from '@nestjs/common';
import { CurrentUser, Permissions } from '@app/auth';
import { AuthUser, GROUP_KIND, GroupsPattern, HIDDEN_ROOM_FIELDS } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { ValidQuery } from '@app/validation';
import { PagingParser } from '../platform/paging.parser';
import { RoomListDto } from '../rooms/dto/room-params.dto';
import { roomEndpoints } from '../rooms/room-endpoints.controller';

/** The endpoints groups.* shares with channels.* (create, info, invite, kick, setTopic, history, ...). */
export const GroupsRoomController = roomEndpoints(GROUP_KIND, GroupsPattern);

/** The private-group lists: the caller's groups, and every group for room administrators. */
@Controller('api/v1')
export class GroupsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly paging: PagingParser,
  ) {}

  @Get('groups.list')
  async list(@CurrentUser() caller: AuthUser, @ValidQuery(RoomListDto) dto: RoomListDto) {
    const page = await this.paging.page(dto, { hiddenFields: HIDDEN_ROOM_FIELDS });
    return this.rpc.send(GroupsPattern.List, { caller, page });
  }

  @Permissions('view-room-administration')
  @Get('groups.listAll')
  async listAll(@CurrentUser() caller: AuthUser, @ValidQuery(RoomListDto) dto: RoomListDto) {
    const page = await this.paging.page(dto, { hiddenFields: HIDDEN_ROOM_FIELDS });
    return this.rpc.send(GroupsPattern.ListAll, { caller, page });
  }
}
