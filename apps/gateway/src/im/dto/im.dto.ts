/**
 * The parameter schemas of im.* (and the dm.* aliases): a DM by `roomId` (or, where Rocket.Chat allows it, by
 * the other party's `username`), plus what each endpoint takes. Unknown keys are refused (`invalid-params`).
 */
import type { CountersPayload, ImCreatePayload, ImSetTopicPayload, ImTargetPayload } from '@app/contracts';
import { Feeds, OneOf, Opt, PagingParams, Params, QueryFlag, Static, Type } from '@app/validation';

const excludeSelf = Opt(Type.Boolean());

/** im.create: one `username`, or `usernames` (comma-separated) for a group DM (Rocket.Chat's oneOf schema) */
export type ImCreateDto = Feeds<ImCreatePayload, { username?: string; usernames?: string; excludeSelf?: boolean }>;
export const ImCreateDto = OneOf<ImCreateDto>([
  Params({ username: Type.String(), excludeSelf }),
  Params({ usernames: Type.String(), excludeSelf }),
]);

/** im.open, im.close */
export const ImRoomDto = Params({ roomId: Type.String() });
export type ImRoomDto = Feeds<ImTargetPayload, Static<typeof ImRoomDto>>;

/** im.setTopic: `topic` may be empty or null (both clear it) */
export const ImSetTopicDto = Params({ roomId: Type.String(), topic: Opt({ ...Type.String(), nullable: true }) });
export type ImSetTopicDto = Feeds<ImSetTopicPayload, { roomId: string; topic?: string | null }>;

/** im.counters: the caller's, or another member's (`userId`, with `view-room-administration`) */
export const ImCountersDto = Params({ roomId: Type.String(), userId: Opt(Type.String()) });
export type ImCountersDto = Feeds<CountersPayload, Static<typeof ImCountersDto>>;

/** im.history: by `roomId`; `latest`/`oldest` ISO dates, `inclusive`, `unreads`, `showThreadMessages` */
export const ImHistoryDto = Params({
  roomId: Type.String({ minLength: 1 }),
  latest: Opt(Type.String()),
  oldest: Opt(Type.String()),
  inclusive: QueryFlag,
  unreads: QueryFlag,
  showThreadMessages: QueryFlag,
  offset: PagingParams.offset,
  count: PagingParams.count,
  sort: PagingParams.sort,
});
export type ImHistoryDto = Static<typeof ImHistoryDto>;

const dmRef = { roomId: Opt(Type.String()), username: Opt(Type.String()) };

/** im.messages: paged; 7.x filters `mentionIds`, `starredIds` (comma-separated user ids) and `pinned` */
export const ImMessagesDto = Params({
  ...dmRef,
  ...PagingParams,
  mentionIds: Opt(Type.String()),
  starredIds: Opt(Type.String()),
  pinned: QueryFlag,
});
export type ImMessagesDto = Static<typeof ImMessagesDto>;

/** im.files: paged, with a `name` filter and a `typeGroup` */
export const ImFilesDto = Params({
  ...dmRef,
  ...PagingParams,
  name: Opt(Type.String()),
  typeGroup: Opt(Type.String()),
});
export type ImFilesDto = Static<typeof ImFilesDto>;

/** im.members: paged and sorted, with `status[]` and a `filter` on username/name (no `query`/`fields`, as the rooms') */
export const ImMembersDto = Params({
  ...dmRef,
  offset: PagingParams.offset,
  count: PagingParams.count,
  sort: PagingParams.sort,
  status: Opt(Type.Union([Type.String(), Type.Array(Type.String())])),
  filter: Opt(Type.String()),
});
export type ImMembersDto = Static<typeof ImMembersDto>;

/** im.messages.others: any DM by `roomId`, paged */
export const ImMessagesOthersDto = Params({ roomId: Opt(Type.String()), ...PagingParams });
export type ImMessagesOthersDto = Static<typeof ImMessagesOthersDto>;
