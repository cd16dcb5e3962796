import { Controller, Get, Post } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, ChatPattern } from '@app/contracts';
import { RcError } from '@app/envelope';
import { RpcClient } from '@app/transport';
import { ValidBody, ValidQuery } from '@app/validation';
import { PagingParser } from '../platform/paging.parser';
import {
  ChatDeletedDto,
  ChatDeleteDto,
  ChatDiscussionsDto,
  ChatFollowDto,
  ChatIgnoreUserDto,
  ChatMessageIdDto,
  ChatMsgIdDto,
  ChatPostMessageDto,
  ChatReactDto,
  ChatReportDto,
  ChatRoomByNameDto,
  ChatRoomNameDto,
  ChatRoomPageDto,
  ChatSearchDto,
  ChatSendMessageDto,
  ChatSyncMessagesDto,
  ChatSyncThreadMessagesDto,
  ChatSyncThreadsListDto,
  ChatThreadMessagesDto,
  ChatThreadsListDto,
  ChatUpdateDto,
} from './dto/chat.dto';

const C = ChatPattern;

/** A required parameter checked after the list parameters (a bad `query` is reported first, as for any list). */
function required(value: string | undefined, name: string): string {
  if (!value) {
    throw RcError.invalidParams(`must have required property '${name}'`);
  }
  return value;
}

/** chat.*: sending, editing and reading messages (chat), and the caller's ignore list (users-rooms). */
@Controller('api/v1')
export class ChatController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly paging: PagingParser,
  ) {}

  @Post('chat.postMessage')
  postMessage(@CurrentUser() caller: AuthUser, @ValidBody(ChatPostMessageDto) dto: ChatPostMessageDto) {
    return this.rpc.send(C.PostMessage, { caller, ...dto });
  }

  @Post('chat.sendMessage')
  sendMessage(@CurrentUser() caller: AuthUser, @ValidBody(ChatSendMessageDto) dto: ChatSendMessageDto) {
    return this.rpc.send(C.SendMessage, { caller, ...dto });
  }

  @Post('chat.update')
  update(@CurrentUser() caller: AuthUser, @ValidBody(ChatUpdateDto) dto: ChatUpdateDto) {
    return this.rpc.send(C.Update, { caller, ...dto });
  }

  @Post('chat.delete')
  delete(@CurrentUser() caller: AuthUser, @ValidBody(ChatDeleteDto) dto: ChatDeleteDto) {
    return this.rpc.send(C.Delete, { caller, ...dto });
  }

  @Get('chat.getMessage')
  getMessage(@CurrentUser() caller: AuthUser, @ValidQuery(ChatMsgIdDto) dto: ChatMsgIdDto) {
    return this.rpc.send(C.GetMessage, { caller, messageId: dto.msgId });
  }

  @Get('chat.getPinnedMessages')
  async pinned(@CurrentUser() caller: AuthUser, @ValidQuery(ChatRoomPageDto) dto: ChatRoomPageDto) {
    const { roomId, ...paging } = dto;
    return this.rpc.send(C.GetPinnedMessages, { caller, roomId, page: await this.paging.page(paging) });
  }

  @Get('chat.getStarredMessages')
  async starred(@CurrentUser() caller: AuthUser, @ValidQuery(ChatRoomPageDto) dto: ChatRoomPageDto) {
    const { roomId, ...paging } = dto;
    return this.rpc.send(C.GetStarredMessages, { caller, roomId, page: await this.paging.page(paging) });
  }

  @Get('chat.getMentionedMessages')
  async mentioned(@CurrentUser() caller: AuthUser, @ValidQuery(ChatRoomPageDto) dto: ChatRoomPageDto) {
    const { roomId, ...paging } = dto;
    return this.rpc.send(C.GetMentionedMessages, { caller, roomId, page: await this.paging.page(paging) });
  }

  @Get('chat.getSnippetedMessages')
  async snippeted(@CurrentUser() caller: AuthUser, @ValidQuery(ChatRoomPageDto) dto: ChatRoomPageDto) {
    const { roomId, ...paging } = dto;
    return this.rpc.send(C.GetSnippetedMessages, { caller, roomId, page: await this.paging.page(paging) });
  }

  @Get('chat.getSnippetedMessageById')
  snippet(@CurrentUser() caller: AuthUser, @ValidQuery(ChatMessageIdDto) dto: ChatMessageIdDto) {
    return this.rpc.send(C.GetSnippetedMessageById, { caller, ...dto });
  }

  @Get('chat.getDiscussions')
  async discussions(@CurrentUser() caller: AuthUser, @ValidQuery(ChatDiscussionsDto) dto: ChatDiscussionsDto) {
    const { roomId, text, ...paging } = dto;
    return this.rpc.send(C.GetDiscussions, { caller, roomId, text, page: await this.paging.page(paging) });
  }

  @Get('chat.getDeletedMessages')
  async deleted(@CurrentUser() caller: AuthUser, @ValidQuery(ChatDeletedDto) dto: ChatDeletedDto) {
    const { roomId, since, ...paging } = dto;
    return this.rpc.send(C.GetDeletedMessages, { caller, roomId, since, page: await this.paging.page(paging) });
  }

  @Get('chat.syncMessages')
  syncMessages(@CurrentUser() caller: AuthUser, @ValidQuery(ChatSyncMessagesDto) dto: ChatSyncMessagesDto) {
    return this.rpc.send(C.SyncMessages, { caller, ...dto });
  }

  @Get('chat.search')
  async search(@CurrentUser() caller: AuthUser, @ValidQuery(ChatSearchDto) dto: ChatSearchDto) {
    const { roomId, searchText, ...paging } = dto;
    return this.rpc.send(C.Search, { caller, roomId, searchText, page: await this.paging.page(paging) });
  }

  @Get('chat.getMessageReadReceipts')
  readReceipts(@CurrentUser() caller: AuthUser, @ValidQuery(ChatMessageIdDto) dto: ChatMessageIdDto) {
    return this.rpc.send(C.GetMessageReadReceipts, { caller, ...dto });
  }

  @Post('chat.pinMessage')
  pin(@CurrentUser() caller: AuthUser, @ValidBody(ChatMessageIdDto) dto: ChatMessageIdDto) {
    return this.rpc.send(C.PinMessage, { caller, ...dto });
  }

  @Post('chat.unPinMessage')
  unpin(@CurrentUser() caller: AuthUser, @ValidBody(ChatMessageIdDto) dto: ChatMessageIdDto) {
    return this.rpc.send(C.UnPinMessage, { caller, ...dto });
  }

  @Post('chat.starMessage')
  star(@CurrentUser() caller: AuthUser, @ValidBody(ChatMessageIdDto) dto: ChatMessageIdDto) {
    return this.rpc.send(C.StarMessage, { caller, ...dto });
  }

  @Post('chat.unStarMessage')
  unstar(@CurrentUser() caller: AuthUser, @ValidBody(ChatMessageIdDto) dto: ChatMessageIdDto) {
    return this.rpc.send(C.UnStarMessage, { caller, ...dto });
  }

  @Post('chat.react')
  react(@CurrentUser() caller: AuthUser, @ValidBody(ChatReactDto) dto: ChatReactDto) {
    return this.rpc.send(C.React, {
      caller,
      messageId: dto.messageId,
      emoji: dto.emoji ?? dto.reaction ?? '',
      shouldReact: dto.shouldReact,
    });
  }

  @Post('chat.reportMessage')
  report(@CurrentUser() caller: AuthUser, @ValidBody(ChatReportDto) dto: ChatReportDto) {
    return this.rpc.send(C.ReportMessage, { caller, ...dto });
  }

  @Post('chat.followMessage')
  follow(@CurrentUser() caller: AuthUser, @ValidBody(ChatFollowDto) dto: ChatFollowDto) {
    return this.rpc.send(C.FollowMessage, { caller, ...dto });
  }

  @Post('chat.unfollowMessage')
  unfollow(@CurrentUser() caller: AuthUser, @ValidBody(ChatFollowDto) dto: ChatFollowDto) {
    return this.rpc.send(C.UnfollowMessage, { caller, ...dto });
  }

  @Get('chat.getThreadMessages')
  async threadMessages(@CurrentUser() caller: AuthUser, @ValidQuery(ChatThreadMessagesDto) dto: ChatThreadMessagesDto) {
    const { tmid, ...paging } = dto;
    const page = await this.paging.page(paging);
    return this.rpc.send(C.GetThreadMessages, { caller, tmid: required(tmid, 'tmid'), page });
  }

  @Get('chat.getThreadsList')
  async threadsList(@CurrentUser() caller: AuthUser, @ValidQuery(ChatThreadsListDto) dto: ChatThreadsListDto) {
    const { rid, type, text, ...paging } = dto;
    const page = await this.paging.page(paging);
    return this.rpc.send(C.GetThreadsList, { caller, rid: required(rid, 'rid'), type, text, page });
  }

  @Get('chat.syncThreadMessages')
  async syncThreadMessages(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(ChatSyncThreadMessagesDto) dto: ChatSyncThreadMessagesDto,
  ) {
    const page = await this.paging.page({ sort: dto.sort });
    return this.rpc.send(C.SyncThreadMessages, { caller, tmid: dto.tmid, updatedSince: dto.updatedSince, page });
  }

  @Get('chat.syncThreadsList')
  syncThreadsList(@CurrentUser() caller: AuthUser, @ValidQuery(ChatSyncThreadsListDto) dto: ChatSyncThreadsListDto) {
    return this.rpc.send(C.SyncThreadsList, { caller, ...dto });
  }

  @Get('chat.ignoreUser')
  ignoreUser(@CurrentUser() caller: AuthUser, @ValidQuery(ChatIgnoreUserDto) dto: ChatIgnoreUserDto) {
    if (!dto.rid.trim()) {
      throw RcError.failure('error-room-id-param-not-provided', 'The required "rid" param is missing.');
    }
    if (!dto.userId.trim()) {
      throw RcError.failure('error-user-id-param-not-provided', 'The required "userId" param is missing.');
    }
    const ignore = dto.ignore === undefined || /true|1/.test(dto.ignore);
    return this.rpc.send(C.IgnoreUser, { caller, rid: dto.rid, userId: dto.userId, ignore });
  }

  /** Not in Rocket.Chat's REST API: the JS SDK's look-up (its `getRoomIdByNameOrId` method), by name or id. */
  @Get('chat.getRoomIdByNameOrId')
  roomIdByNameOrId(@CurrentUser() caller: AuthUser, @ValidQuery(ChatRoomByNameDto) dto: ChatRoomByNameDto) {
    return this.rpc.send(C.GetRoomIdByNameOrId, { caller, ...dto });
  }

  /** Not in Rocket.Chat's REST API: the JS SDK's `getRoomNameById`. */
  @Get('chat.getRoomNameById')
  roomNameById(@CurrentUser() caller: AuthUser, @ValidQuery(ChatRoomNameDto) dto: ChatRoomNameDto) {
    return this.rpc.send(C.GetRoomNameById, { caller, ...dto });
  }
}
