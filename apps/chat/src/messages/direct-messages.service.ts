import { Injectable } from '@nestjs/common';
import {
  AuthUser,
  CountersPayload,
  CountersResult,
  HistoryPayload,
  HistoryResult,
  IMessage,
  ImFilesPayload,
  ImMessagesOthersPayload,
  ImMessagesPayload,
  ImPattern,
  Paged,
  UploadView,
} from '@app/contracts';
import { RcError } from '@app/envelope';
import { SettingsReader } from '@app/settings';
import { RpcClient } from '@app/transport';
import { RoomAccessService } from '../room-access/room-access.service';
import { RoomAccessCache } from '../room-access/room-access.cache';
import { RoomMessagesService } from './room-messages.service';

/**
 * The message endpoints of direct messages (im.* / dm.*): only the DM's members read them, and anyone else is
 * refused alike whether the DM exists or not; `im.messages.others` lets room administrators read any DM while
 * `API_Enable_Direct_Message_History_EndPoint` is on.
 */
@Injectable()
export class DirectRoomMessagesService {
  constructor(
    private readonly rooms: RoomMessagesService,
    private readonly access: RoomAccessService,
    private readonly cache: RoomAccessCache,
    private readonly settings: SettingsReader,
    private readonly rpc: RpcClient,
  ) {}

  /** The DM's id: `roomId`, or the one-to-one DM with `username` (users-rooms creates it when missing). */
  private async roomId(p: { caller: AuthUser; roomId?: string; username?: string }): Promise<string> {
    if (p.roomId) {
      return p.roomId;
    }
    if (p.username) {
      return (await this.rpc.send(ImPattern.Resolve, { caller: p.caller, username: p.username })).rid;
    }
    throw RcError.failure('error-room-param-not-provided', 'Query param "roomId" or "username" is required');
  }

  /** im.history */
  async history(p: HistoryPayload): Promise<HistoryResult> {
    const access = await this.access.findDirect(await this.roomId(p), p.caller, { fresh: !!p.unreads });
    return this.rooms.historyOf(access, p);
  }

  /** im.messages */
  async messages(p: ImMessagesPayload): Promise<Paged<'messages', IMessage>> {
    const access = await this.access.findDirect(await this.roomId(p), p.caller);
    return this.rooms.messagesOf(access, p);
  }

  /** im.files */
  async files(p: ImFilesPayload): Promise<Paged<'files', UploadView>> {
    const access = await this.access.findDirect(await this.roomId(p), p.caller);
    return this.rooms.filesOf(access, p);
  }

  /**
   * im.counters: the caller's (or, with `view-room-administration`, another member's) unread state, read from
   * the subscription (`unread`, `userMentions`, `ls`) so it agrees with subscriptions.getOne.
   */
  async counters(p: CountersPayload): Promise<CountersResult> {
    const admin = await this.access.hasPermission(p.caller, null, 'view-room-administration');
    if (p.userId && !admin) {
      throw RcError.forbidden();
    }
    const who = p.userId ?? p.caller._id;
    const { room, subscription: sub } = await this.access.findDirect(
      await this.roomId(p),
      { _id: who },
      { fresh: true },
    );
    const latest = room.lm ?? room._updatedAt;
    return {
      joined: true,
      members: room.usersCount,
      unreads: sub.unread ?? null,
      unreadsFrom: sub.ls && room.msgs ? sub.ls : null,
      msgs: room.msgs,
      latest,
      userMentions: sub.userMentions,
    };
  }

  /** im.messages.others: any DM's messages, for room administrators while the endpoint is enabled. */
  async messagesOthers(p: ImMessagesOthersPayload): Promise<Paged<'messages', IMessage>> {
    if (!(await this.settings.boolean('API_Enable_Direct_Message_History_EndPoint', false))) {
      throw RcError.failure('error-endpoint-disabled', 'This endpoint is disabled', {
        route: '/api/v1/im.messages.others',
      });
    }
    if (!(await this.access.hasPermission(p.caller, null, 'view-room-administration'))) {
      throw RcError.forbidden();
    }
    if (!p.roomId) {
      throw RcError.failure('error-roomid-param-not-provided', 'The parameter "roomId" is required');
    }
    const { room, subscription } = await this.cache.get({ roomId: p.roomId }, p.caller._id);
    if (!room || room.t !== 'd') {
      throw RcError.failure('error-room-not-found', `No direct message room found by the id of: ${p.roomId}`);
    }
    return this.rooms.messagesOf({ room, subscription }, { page: p.page });
  }
}
