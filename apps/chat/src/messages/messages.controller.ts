import { Controller } from '@nestjs/common';
import {
  CallerPayload,
  ChatDeletePayload,
  ChatPattern,
  ChatUpdatePayload,
  DeletedMessagesPayload,
  DiscussionsPayload,
  FollowPayload,
  MessageIdPayload,
  PostMessagePayload,
  ReactPayload,
  ReportPayload,
  RoomMessagesPagePayload,
  SearchPayload,
  SendMessagePayload,
  SyncMessagesPayload,
  SyncThreadMessagesPayload,
  SyncThreadsListPayload,
  ThreadMessagesPayload,
  ThreadsListPayload,
} from '@app/contracts';
import { Handles, StreamsContext } from '@app/transport';
import { MessageActionsService } from './message-actions.service';
import { MessageEditService } from './message-edit.service';
import { MessageReadsService } from './message-reads.service';
import { MessagesService } from './messages.service';
import { ReadReceiptsService } from './read-receipts.service';
import { ThreadsService } from './threads.service';

const C = ChatPattern;

/** chat.*: one line per endpoint, each into the service that owns the behaviour. */
@Controller()
export class MessagesController {
  constructor(
    private readonly messages: MessagesService,
    private readonly edits: MessageEditService,
    private readonly reads: MessageReadsService,
    private readonly actions: MessageActionsService,
    private readonly threads: ThreadsService,
    private readonly receipts: ReadReceiptsService,
  ) {}

  @Handles(C.PostMessage)
  postMessage(p: PostMessagePayload, ctx: StreamsContext) {
    return this.messages.postMessage(p, ctx.getRequestId());
  }

  @Handles(C.SendMessage)
  sendMessage(p: SendMessagePayload, ctx: StreamsContext) {
    return this.messages.sendMessage(p, ctx.getRequestId());
  }

  @Handles(C.Update)
  update(p: ChatUpdatePayload) {
    return this.edits.update(p);
  }

  @Handles(C.Delete)
  delete(p: ChatDeletePayload) {
    return this.edits.delete(p);
  }

  @Handles(C.GetMessage)
  getMessage(p: MessageIdPayload) {
    return this.reads.getMessage(p);
  }

  @Handles(C.GetPinnedMessages)
  pinned(p: RoomMessagesPagePayload) {
    return this.reads.pinned(p);
  }

  @Handles(C.GetStarredMessages)
  starred(p: RoomMessagesPagePayload) {
    return this.reads.starred(p);
  }

  @Handles(C.GetMentionedMessages)
  mentioned(p: RoomMessagesPagePayload) {
    return this.reads.mentioned(p);
  }

  @Handles(C.GetDiscussions)
  discussions(p: DiscussionsPayload) {
    return this.reads.discussions(p);
  }

  @Handles(C.GetSnippetedMessages)
  snippeted(p: RoomMessagesPagePayload) {
    return this.reads.snippeted(p);
  }

  @Handles(C.GetSnippetedMessageById)
  snippet(p: MessageIdPayload) {
    return this.reads.snippet(p);
  }

  @Handles(C.GetDeletedMessages)
  deleted(p: DeletedMessagesPayload) {
    return this.reads.deleted(p);
  }

  @Handles(C.SyncMessages)
  syncMessages(p: SyncMessagesPayload) {
    return this.reads.sync(p);
  }

  @Handles(C.Search)
  search(p: SearchPayload) {
    return this.reads.search(p);
  }

  @Handles(C.GetRoomIdByNameOrId)
  roomIdByNameOrId(p: CallerPayload & { name: string }) {
    return this.reads.roomIdByNameOrId(p);
  }

  @Handles(C.GetRoomNameById)
  roomNameById(p: CallerPayload & { rid: string }) {
    return this.reads.roomNameById(p);
  }

  @Handles(C.GetMessageReadReceipts)
  readReceipts(p: MessageIdPayload) {
    return this.receipts.list(p);
  }

  @Handles(C.PinMessage)
  pin(p: MessageIdPayload) {
    return this.actions.pin(p);
  }

  @Handles(C.UnPinMessage)
  unpin(p: MessageIdPayload) {
    return this.actions.unpin(p);
  }

  @Handles(C.StarMessage, C.UnStarMessage)
  star(p: MessageIdPayload, ctx: StreamsContext) {
    return this.actions.star(p, ctx.getPattern() === C.StarMessage);
  }

  @Handles(C.React)
  react(p: ReactPayload) {
    return this.actions.react(p);
  }

  @Handles(C.ReportMessage)
  report(p: ReportPayload) {
    return this.actions.report(p);
  }

  @Handles(C.FollowMessage, C.UnfollowMessage)
  follow(p: FollowPayload, ctx: StreamsContext) {
    return this.actions.follow(p, ctx.getPattern() === C.FollowMessage);
  }

  @Handles(C.GetThreadMessages)
  threadMessages(p: ThreadMessagesPayload) {
    return this.threads.messagesOf(p);
  }

  @Handles(C.GetThreadsList)
  threadsList(p: ThreadsListPayload) {
    return this.threads.list(p);
  }

  @Handles(C.SyncThreadMessages)
  syncThreadMessages(p: SyncThreadMessagesPayload) {
    return this.threads.syncMessages(p);
  }

  @Handles(C.SyncThreadsList)
  syncThreadsList(p: SyncThreadsListPayload) {
    return this.threads.syncList(p);
  }
}
