import { Controller, Get, Post, Type as ClassType } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, ChannelsPattern, GroupsPattern, RoomKind } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { isTrue, Static, ValidBody, ValidQuery } from '@app/validation';
import { PagingParser } from '../platform/paging.parser';
import {
  RoomAnnouncementDto,
  RoomCountersDto,
  RoomCreateDto,
  RoomCustomFieldsDto,
  RoomDescriptionDto,
  RoomFilesDto,
  RoomHistoryDto,
  RoomInviteDto,
  RoomMembersDto,
  RoomMessagesDto,
  RoomPurposeDto,
  RoomReadOnlyDto,
  RoomRenameDto,
  RoomTargetDto,
  RoomTopicDto,
  RoomTypeDto,
  RoomUserDto,
} from './dto/room-params.dto';

type Shared = keyof typeof ChannelsPattern & keyof typeof GroupsPattern;

/** The patterns of the endpoints channels.* and groups.* share (same payloads and results, other room type). */
export type RoomPatterns = { [K in Shared]: (typeof ChannelsPattern)[K] | (typeof GroupsPattern)[K] };

/**
 * The endpoints every room namespace has, declared once and mounted under `channels.` and `groups.`: each passes
 * the caller and its checked parameters to the room service (users-rooms) or, for messages, to chat. The
 * namespace's own endpoints live in its controller.
 */
export function roomEndpoints(kind: RoomKind, P: RoomPatterns): ClassType<unknown> {
  const ns = kind.t === 'c' ? 'channels' : 'groups';

  @Controller('api/v1')
  class RoomEndpointsController {
    constructor(
      readonly rpc: RpcClient,
      readonly paging: PagingParser,
    ) {}

    @Post(`${ns}.create`)
    create(@CurrentUser() caller: AuthUser, @ValidBody(RoomCreateDto) dto: RoomCreateDto) {
      return this.rpc.send(P.Create, { caller, ...dto });
    }

    @Get(`${ns}.info`)
    info(@CurrentUser() caller: AuthUser, @ValidQuery(RoomTargetDto) dto: RoomTargetDto) {
      return this.rpc.send(P.Info, { caller, ...dto });
    }

    @Post(`${ns}.invite`)
    invite(@CurrentUser() caller: AuthUser, @ValidBody(RoomInviteDto) dto: RoomInviteDto) {
      return this.rpc.send(P.Invite, { caller, ...dto });
    }

    @Post(`${ns}.kick`)
    kick(@CurrentUser() caller: AuthUser, @ValidBody(RoomUserDto) dto: RoomUserDto) {
      return this.rpc.send(P.Kick, { caller, ...dto });
    }

    @Post(`${ns}.leave`)
    leave(@CurrentUser() caller: AuthUser, @ValidBody(RoomTargetDto) dto: RoomTargetDto) {
      return this.rpc.send(P.Leave, { caller, ...dto });
    }

    @Post(`${ns}.open`)
    open(@CurrentUser() caller: AuthUser, @ValidBody(RoomTargetDto) dto: RoomTargetDto) {
      return this.rpc.send(P.Open, { caller, ...dto });
    }

    @Post(`${ns}.close`)
    close(@CurrentUser() caller: AuthUser, @ValidBody(RoomTargetDto) dto: RoomTargetDto) {
      return this.rpc.send(P.Close, { caller, ...dto });
    }

    @Post(`${ns}.archive`)
    archive(@CurrentUser() caller: AuthUser, @ValidBody(RoomTargetDto) dto: RoomTargetDto) {
      return this.rpc.send(P.Archive, { caller, ...dto });
    }

    @Post(`${ns}.unarchive`)
    unarchive(@CurrentUser() caller: AuthUser, @ValidBody(RoomTargetDto) dto: RoomTargetDto) {
      return this.rpc.send(P.Unarchive, { caller, ...dto });
    }

    @Post(`${ns}.delete`)
    delete(@CurrentUser() caller: AuthUser, @ValidBody(RoomTargetDto) dto: RoomTargetDto) {
      return this.rpc.send(P.Delete, { caller, ...dto });
    }

    @Post(`${ns}.addOwner`)
    addOwner(@CurrentUser() caller: AuthUser, @ValidBody(RoomUserDto) dto: RoomUserDto) {
      return this.rpc.send(P.AddOwner, { caller, ...dto });
    }

    @Post(`${ns}.removeOwner`)
    removeOwner(@CurrentUser() caller: AuthUser, @ValidBody(RoomUserDto) dto: RoomUserDto) {
      return this.rpc.send(P.RemoveOwner, { caller, ...dto });
    }

    @Post(`${ns}.addModerator`)
    addModerator(@CurrentUser() caller: AuthUser, @ValidBody(RoomUserDto) dto: RoomUserDto) {
      return this.rpc.send(P.AddModerator, { caller, ...dto });
    }

    @Post(`${ns}.removeModerator`)
    removeModerator(@CurrentUser() caller: AuthUser, @ValidBody(RoomUserDto) dto: RoomUserDto) {
      return this.rpc.send(P.RemoveModerator, { caller, ...dto });
    }

    @Post(`${ns}.addLeader`)
    addLeader(@CurrentUser() caller: AuthUser, @ValidBody(RoomUserDto) dto: RoomUserDto) {
      return this.rpc.send(P.AddLeader, { caller, ...dto });
    }

    /** `channels.removeleader` is the seed's spelling of Rocket.Chat's `channels.removeLeader`: both are served. */
    @Post(kind.t === 'c' ? [`${ns}.removeLeader`, `${ns}.removeleader`] : `${ns}.removeLeader`)
    removeLeader(@CurrentUser() caller: AuthUser, @ValidBody(RoomUserDto) dto: RoomUserDto) {
      return this.rpc.send(P.RemoveLeader, { caller, ...dto });
    }

    @Get(`${ns}.roles`)
    roles(@CurrentUser() caller: AuthUser, @ValidQuery(RoomTargetDto) dto: RoomTargetDto) {
      return this.rpc.send(P.Roles, { caller, ...dto });
    }

    @Get(`${ns}.moderators`)
    moderators(@CurrentUser() caller: AuthUser, @ValidQuery(RoomTargetDto) dto: RoomTargetDto) {
      return this.rpc.send(P.Moderators, { caller, ...dto });
    }

    @Get(`${ns}.members`)
    async members(@CurrentUser() caller: AuthUser, @ValidQuery(RoomMembersDto) dto: RoomMembersDto) {
      const { offset, count, sort } = await this.paging.page({ offset: dto.offset, count: dto.count, sort: dto.sort });
      return this.rpc.send(P.Members, {
        caller,
        roomId: dto.roomId,
        roomName: dto.roomName,
        offset,
        count,
        sort,
        status: dto.status === undefined ? undefined : [dto.status].flat(),
        filter: dto.filter,
      });
    }

    @Post(`${ns}.rename`)
    rename(@CurrentUser() caller: AuthUser, @ValidBody(RoomRenameDto) dto: Static<typeof RoomRenameDto>) {
      return this.rpc.send(P.Rename, { caller, ...dto });
    }

    @Post(`${ns}.setTopic`)
    setTopic(@CurrentUser() caller: AuthUser, @ValidBody(RoomTopicDto) dto: Static<typeof RoomTopicDto>) {
      return this.rpc.send(P.SetTopic, { caller, ...dto });
    }

    @Post(`${ns}.setAnnouncement`)
    setAnnouncement(
      @CurrentUser() caller: AuthUser,
      @ValidBody(RoomAnnouncementDto) dto: Static<typeof RoomAnnouncementDto>,
    ) {
      return this.rpc.send(P.SetAnnouncement, { caller, ...dto });
    }

    @Post(`${ns}.setDescription`)
    setDescription(
      @CurrentUser() caller: AuthUser,
      @ValidBody(RoomDescriptionDto) dto: Static<typeof RoomDescriptionDto>,
    ) {
      return this.rpc.send(P.SetDescription, { caller, ...dto });
    }

    @Post(`${ns}.setPurpose`)
    setPurpose(@CurrentUser() caller: AuthUser, @ValidBody(RoomPurposeDto) dto: Static<typeof RoomPurposeDto>) {
      return this.rpc.send(P.SetPurpose, { caller, ...dto });
    }

    @Post(`${ns}.setReadOnly`)
    setReadOnly(@CurrentUser() caller: AuthUser, @ValidBody(RoomReadOnlyDto) dto: Static<typeof RoomReadOnlyDto>) {
      return this.rpc.send(P.SetReadOnly, { caller, ...dto });
    }

    @Post(`${ns}.setType`)
    setType(@CurrentUser() caller: AuthUser, @ValidBody(RoomTypeDto) dto: Static<typeof RoomTypeDto>) {
      return this.rpc.send(P.SetType, { caller, ...dto });
    }

    @Post(`${ns}.setCustomFields`)
    setCustomFields(
      @CurrentUser() caller: AuthUser,
      @ValidBody(RoomCustomFieldsDto) dto: Static<typeof RoomCustomFieldsDto>,
    ) {
      return this.rpc.send(P.SetCustomFields, { caller, ...dto });
    }

    @Get(`${ns}.history`)
    async history(@CurrentUser() caller: AuthUser, @ValidQuery(RoomHistoryDto) dto: RoomHistoryDto) {
      const { offset, count } = await this.paging.offsetCount(dto);
      return this.rpc.send(P.History, {
        caller,
        roomId: dto.roomId,
        roomName: dto.roomName,
        latest: dto.latest,
        oldest: dto.oldest,
        inclusive: isTrue(dto.inclusive),
        unreads: isTrue(dto.unreads),
        showThreadMessages: isTrue(dto.showThreadMessages),
        offset,
        count,
      });
    }

    @Get(`${ns}.messages`)
    async messages(@CurrentUser() caller: AuthUser, @ValidQuery(RoomMessagesDto) dto: RoomMessagesDto) {
      const { roomId, roomName, mentionIds, starredIds, pinned, ...paging } = dto;
      const page = await this.paging.page(paging);
      return this.rpc.send(P.Messages, {
        caller,
        roomId,
        roomName,
        page,
        mentionIds,
        starredIds,
        pinned: isTrue(pinned),
      });
    }

    @Get(`${ns}.files`)
    async files(@CurrentUser() caller: AuthUser, @ValidQuery(RoomFilesDto) dto: RoomFilesDto) {
      const { roomId, roomName, name, typeGroup, ...paging } = dto;
      const page = await this.paging.page(paging);
      return this.rpc.send(P.Files, { caller, roomId, roomName, page, name, typeGroup });
    }

    @Get(`${ns}.counters`)
    counters(@CurrentUser() caller: AuthUser, @ValidQuery(RoomCountersDto) dto: RoomCountersDto) {
      return this.rpc.send(P.Counters, { caller, ...dto });
    }
  }

  Object.defineProperty(RoomEndpointsController, 'name', {
    value: `${kind.key === 'channel' ? 'Channels' : 'Groups'}RoomEndpointsController`,
  });
  return RoomEndpointsController;
}
