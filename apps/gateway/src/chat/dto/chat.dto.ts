import type {
  ChatDeletePayload,
  ChatUpdatePayload,
  FollowPayload,
  MessageIdPayload,
  PostMessagePayload,
  ReportPayload,
  SendMessagePayload,
} from '@app/contracts';
import { Feeds, OneOf, Opt, PagingParams, Params, QueryFlag, Static, Type } from '@app/validation';

const target = Type.Union([Type.String(), Type.Array(Type.String())]);

/** An attachment field as Rocket.Chat validates it (validateAttachmentsFields). */
const AttachmentField = Type.Object(
  {
    short: Opt(Type.Boolean()),
    title: Type.String(),
    value: Type.Union([Type.String(), Type.Number(), Type.Boolean()]),
  },
  { additionalProperties: true },
);

/** An attachment action button (validateAttachmentsActions). */
const AttachmentAction = Type.Object(
  {
    type: Opt(Type.String()),
    text: Opt(Type.String()),
    url: Opt(Type.String()),
    image_url: Opt(Type.String()),
    is_webview: Opt(Type.Boolean()),
    webview_height_ratio: Opt(Type.String()),
    msg: Opt(Type.String()),
    msg_in_chat_window: Opt(Type.Boolean()),
  },
  { additionalProperties: true },
);

/** A message attachment, checked as Rocket.Chat's validateAttachment checks it (unknown keys are kept). */
export const Attachment = Type.Object(
  {
    color: Opt(Type.String()),
    text: Opt(Type.String()),
    ts: Opt(Type.Union([Type.String(), Type.Number()])),
    thumb_url: Opt(Type.String()),
    button_alignment: Opt(Type.Union([Type.Literal('horizontal'), Type.Literal('vertical')])),
    message_link: Opt(Type.String()),
    collapsed: Opt(Type.Boolean()),
    author_name: Opt(Type.String()),
    author_link: Opt(Type.String()),
    author_icon: Opt(Type.String()),
    title: Opt(Type.String()),
    title_link: Opt(Type.String()),
    title_link_download: Opt(Type.Boolean()),
    image_url: Opt(Type.String()),
    audio_url: Opt(Type.String()),
    video_url: Opt(Type.String()),
    fields: Opt(Type.Array(AttachmentField)),
    actions: Opt(Type.Array(AttachmentAction)),
  },
  { additionalProperties: true },
);

const message = {
  text: Opt(Type.String()),
  alias: Opt(Type.String()),
  emoji: Opt(Type.String()),
  avatar: Opt(Type.String()),
  attachments: Opt(Type.Array(Attachment)),
  tmid: Opt(Type.String()),
  tshow: Opt(Type.Boolean()),
  parseUrls: Opt(Type.Boolean()),
  groupable: Opt(Type.Boolean()),
};

export type ChatPostMessageDto = Feeds<
  PostMessagePayload,
  {
    roomId?: string | string[];
    channel?: string | string[];
    text?: string;
    alias?: string;
    emoji?: string;
    avatar?: string;
    attachments?: Record<string, unknown>[];
    tmid?: string;
    tshow?: boolean;
    parseUrls?: boolean;
    groupable?: boolean;
  }
>;

/** chat.postMessage: `roomId` or `channel` (exactly one), each a string or a list (Rocket.Chat's oneOf schema). */
export const ChatPostMessageDto = OneOf<ChatPostMessageDto>([
  Params({ roomId: target, ...message }),
  Params({ channel: target, ...message }),
]);

/** chat.sendMessage: one message object with its room and, optionally, the client's `_id`. */
export const ChatSendMessageDto = Params({
  message: Params({
    _id: Opt(Type.String({ minLength: 1 })),
    rid: Type.String({ minLength: 1 }),
    msg: Opt(Type.String()),
    alias: Opt(Type.String()),
    emoji: Opt(Type.String()),
    avatar: Opt(Type.String()),
    attachments: Opt(Type.Array(Attachment)),
    tmid: Opt(Type.String()),
    tshow: Opt(Type.Boolean()),
  }),
  previewUrls: Opt(Type.Array(Type.String())),
});
export type ChatSendMessageDto = Feeds<SendMessagePayload, Static<typeof ChatSendMessageDto>>;

/** chat.update */
export const ChatUpdateDto = Params({
  roomId: Type.String(),
  msgId: Type.String(),
  text: Type.String(),
  previewUrls: Opt(Type.Array(Type.String())),
});
export type ChatUpdateDto = Feeds<ChatUpdatePayload, Static<typeof ChatUpdateDto>>;

/** chat.delete */
export const ChatDeleteDto = Params({ roomId: Type.String(), msgId: Type.String(), asUser: Opt(Type.Boolean()) });
export type ChatDeleteDto = Feeds<ChatDeletePayload, Static<typeof ChatDeleteDto>>;

/** chat.getMessage: `msgId` */
export const ChatMsgIdDto = Params({ msgId: Type.String({ minLength: 1 }) });
export type ChatMsgIdDto = Static<typeof ChatMsgIdDto>;

/** pin, unpin, star, unstar, getSnippetedMessageById, getMessageReadReceipts: `messageId` */
export const ChatMessageIdDto = Params({ messageId: Type.String({ minLength: 1 }) });
export type ChatMessageIdDto = Feeds<MessageIdPayload, Static<typeof ChatMessageIdDto>>;

/** chat.react: `emoji` (or its older name `reaction`), `shouldReact` to force a side */
export const ChatReactDto = Params({
  messageId: Type.String({ minLength: 1 }),
  emoji: Opt(Type.String()),
  reaction: Opt(Type.String()),
  shouldReact: Opt(Type.Boolean()),
});
export type ChatReactDto = Static<typeof ChatReactDto>;

/** chat.reportMessage */
export const ChatReportDto = Params({ messageId: Type.String({ minLength: 1 }), description: Type.String() });
export type ChatReportDto = Feeds<ReportPayload, Static<typeof ChatReportDto>>;

/** chat.followMessage / chat.unfollowMessage */
export const ChatFollowDto = Params({ mid: Type.String({ minLength: 1 }) });
export type ChatFollowDto = Feeds<FollowPayload, Static<typeof ChatFollowDto>>;

/** The paged message lists of one room: pinned, starred, mentioned, snippeted. */
export const ChatRoomPageDto = Params({
  roomId: Type.String({ minLength: 1 }),
  offset: PagingParams.offset,
  count: PagingParams.count,
  sort: PagingParams.sort,
});
export type ChatRoomPageDto = Static<typeof ChatRoomPageDto>;

/** chat.getDiscussions: the room's discussions, `text` filtering their first message */
export const ChatDiscussionsDto = Params({
  roomId: Type.String({ minLength: 1 }),
  text: Opt(Type.String()),
  offset: PagingParams.offset,
  count: PagingParams.count,
  sort: PagingParams.sort,
});
export type ChatDiscussionsDto = Static<typeof ChatDiscussionsDto>;

/** chat.getDeletedMessages: removed since `since` (ISO date) */
export const ChatDeletedDto = Params({
  roomId: Type.String({ minLength: 1 }),
  since: Type.String(),
  offset: PagingParams.offset,
  count: PagingParams.count,
});
export type ChatDeletedDto = Static<typeof ChatDeletedDto>;

/** chat.syncMessages: changed and removed since `lastUpdate` (ISO date) */
export const ChatSyncMessagesDto = Params({ roomId: Type.String({ minLength: 1 }), lastUpdate: Type.String() });
export type ChatSyncMessagesDto = Static<typeof ChatSyncMessagesDto>;

/** chat.search */
export const ChatSearchDto = Params({
  roomId: Type.String({ minLength: 1 }),
  searchText: Type.String({ minLength: 1 }),
  offset: PagingParams.offset,
  count: PagingParams.count,
});
export type ChatSearchDto = Static<typeof ChatSearchDto>;

/** chat.getThreadMessages: the replies of `tmid`, with query, fields and sort (`tmid` checked after them) */
export const ChatThreadMessagesDto = Params({ tmid: Opt(Type.String()), ...PagingParams });
export type ChatThreadMessagesDto = Static<typeof ChatThreadMessagesDto>;

/** chat.getThreadsList: `type` all / following / unread, `text` (`rid` checked after query, fields and sort) */
export const ChatThreadsListDto = Params({
  rid: Opt(Type.String()),
  type: Opt(Type.Union([Type.Literal('all'), Type.Literal('following'), Type.Literal('unread')])),
  text: Opt(Type.String()),
  ...PagingParams,
});
export type ChatThreadsListDto = Static<typeof ChatThreadsListDto>;

/** chat.syncThreadMessages */
export const ChatSyncThreadMessagesDto = Params({
  tmid: Type.String({ minLength: 1 }),
  updatedSince: Type.String(),
  sort: PagingParams.sort,
});
export type ChatSyncThreadMessagesDto = Static<typeof ChatSyncThreadMessagesDto>;

/** chat.syncThreadsList */
export const ChatSyncThreadsListDto = Params({ rid: Type.String({ minLength: 1 }), updatedSince: Type.String() });
export type ChatSyncThreadsListDto = Static<typeof ChatSyncThreadsListDto>;

/** chat.ignoreUser: `ignore` defaults to true ("true"/"1") */
export const ChatIgnoreUserDto = Params({ rid: Type.String(), userId: Type.String(), ignore: QueryFlag });
export type ChatIgnoreUserDto = Static<typeof ChatIgnoreUserDto>;

/** chat.getRoomIdByNameOrId (SDKs): `name`, a room name or id */
export const ChatRoomByNameDto = Params({ name: Type.String({ minLength: 1 }) });
export type ChatRoomByNameDto = Static<typeof ChatRoomByNameDto>;

/** chat.getRoomNameById (SDKs) */
export const ChatRoomNameDto = Params({ rid: Type.String({ minLength: 1 }) });
export type ChatRoomNameDto = Static<typeof ChatRoomNameDto>;
