import { Controller, Get, Post } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, HIDDEN_ROOM_FIELDS, RoomsPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { ValidBody, ValidQuery } from '@app/validation';
import { PagingParser } from '../platform/paging.parser';
import { RoomTargetDto } from './dto/room-params.dto';
import {
  RoomsAdminRoomsDto,
  RoomsCleanHistoryDto,
  RoomsCreateDiscussionDto,
  RoomsFavoriteDto,
  RoomsGetDiscussionsDto,
  RoomsGetDto,
  RoomsInfoDto,
  RoomsSaveNotificationDto,
} from './dto/rooms.dto';

/**
 * rooms.*: rooms of any type. Rooms, memberships and discussions are users-rooms'; rooms.cleanHistory is
 * chat's (`rooms.upload/:rid` belongs with the chat endpoints).
 */
@Controller('api/v1')
export class RoomsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly paging: PagingParser,
  ) {}

  @Get('rooms.adminRooms')
  async adminRooms(@CurrentUser() caller: AuthUser, @ValidQuery(RoomsAdminRoomsDto) dto: RoomsAdminRoomsDto) {
    const { types, filter, ...paging } = dto;
    const page = await this.paging.page(paging, { hiddenFields: HIDDEN_ROOM_FIELDS });
    return this.rpc.send(RoomsPattern.AdminRooms, {
      caller,
      types: types === undefined ? undefined : [types].flat(),
      filter,
      page,
    });
  }

  @Post('rooms.cleanHistory')
  cleanHistory(@CurrentUser() caller: AuthUser, @ValidBody(RoomsCleanHistoryDto) dto: RoomsCleanHistoryDto) {
    return this.rpc.send(RoomsPattern.CleanHistory, { caller, ...dto });
  }

  @Post('rooms.createDiscussion')
  createDiscussion(
    @CurrentUser() caller: AuthUser,
    @ValidBody(RoomsCreateDiscussionDto) dto: RoomsCreateDiscussionDto,
  ) {
    return this.rpc.send(RoomsPattern.CreateDiscussion, { caller, ...dto });
  }

  @Post('rooms.favorite')
  favorite(@CurrentUser() caller: AuthUser, @ValidBody(RoomsFavoriteDto) dto: RoomsFavoriteDto) {
    return this.rpc.send(RoomsPattern.Favorite, { caller, ...dto });
  }

  @Get('rooms.get')
  get(@CurrentUser() caller: AuthUser, @ValidQuery(RoomsGetDto) dto: RoomsGetDto) {
    return this.rpc.send(RoomsPattern.Get, { caller, ...dto });
  }

  @Get('rooms.getDiscussions')
  async getDiscussions(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(RoomsGetDiscussionsDto) dto: RoomsGetDiscussionsDto,
  ) {
    const { roomId, roomName, ...paging } = dto;
    const page = await this.paging.page(paging, { hiddenFields: HIDDEN_ROOM_FIELDS });
    return this.rpc.send(RoomsPattern.GetDiscussions, { caller, roomId, roomName, page });
  }

  @Get('rooms.info')
  async info(@CurrentUser() caller: AuthUser, @ValidQuery(RoomsInfoDto) dto: RoomsInfoDto) {
    const { fields } = await this.paging.page({ fields: dto.fields }, { hiddenFields: HIDDEN_ROOM_FIELDS });
    return this.rpc.send(RoomsPattern.Info, { caller, roomId: dto.roomId, roomName: dto.roomName, fields });
  }

  @Post('rooms.leave')
  leave(@CurrentUser() caller: AuthUser, @ValidBody(RoomTargetDto) dto: RoomTargetDto) {
    return this.rpc.send(RoomsPattern.Leave, { caller, ...dto });
  }

  @Post('rooms.saveNotification')
  saveNotification(
    @CurrentUser() caller: AuthUser,
    @ValidBody(RoomsSaveNotificationDto) dto: RoomsSaveNotificationDto,
  ) {
    return this.rpc.send(RoomsPattern.SaveNotification, { caller, ...dto });
  }
}
