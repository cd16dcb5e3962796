import { Injectable } from '@nestjs/common';
import type { FilterQuery } from 'mongoose';
import {
  AuthUser,
  CallerPayload,
  DeletedMessagesPayload,
  DiscussionsPayload,
  IMessage,
  MessageIdPayload,
  PageRequest,
  Paged,
  RoomMessagesPagePayload,
  SearchPayload,
  SyncMessagesPayload,
} from '@app/contracts';
import { RcError } from '@app/envelope';
import { SettingsReader } from '@app/settings';
import { RoomAccess, RoomAccessService } from '../room-access/room-access.service';
import { RoomAccessCache } from '../room-access/room-access.cache';
import { MessagesRepository } from './messages.repository';
import { pageOptions } from './page-options';
import { ReadableMessages } from './readable-messages.service';
import { messageSearchFilter } from './message-search';
import { TrashRepository } from './trash.repository';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const invalidMessage = () => RcError.failure('error-invalid-message', 'Invalid message');

const validDate = (value: string | undefined): Date | null => {
  if (!value) {
    return null;
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
};

/**
 * The message reads of chat.*: one message, the pinned / starred / mentioned / discussion / snippet lists of a
 * room, what was deleted since, the sync of a room's history, search, and the room look-ups SDKs call. Every
 * one checks that the caller may read the room (Rocket.Chat's canAccessRoom), from chat's room-access cache.
 */
@Injectable()
export class MessageReadsService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly trash: TrashRepository,
    private readonly access: RoomAccessService,
    private readonly readableMessages: ReadableMessages,
    private readonly rooms: RoomAccessCache,
    private readonly settings: SettingsReader,
  ) {}

  private async readable(rid: string, caller: AuthUser, error = () => RcError.plain('error-not-allowed')) {
    const access = await this.access.accessible(rid, caller);
    if (!access) {
      throw error();
    }
    return access;
  }

  private async paged(filter: FilterQuery<IMessage>, page: PageRequest): Promise<Paged<'messages', IMessage>> {
    const [messages, total] = await Promise.all([
      this.messages.find(filter, pageOptions(page)),
      this.messages.count(filter),
    ]);
    return { messages, count: messages.length, offset: page.offset, total };
  }

  /** chat.getMessage: an unknown message and one the caller may not read get the same answer. */
  async getMessage(p: MessageIdPayload): Promise<{ message: IMessage }> {
    const { message } = await this.readableMessages.find(p.messageId, p.caller, invalidMessage);
    return { message };
  }

  /** chat.getPinnedMessages */
  async pinned(p: RoomMessagesPagePayload): Promise<Paged<'messages', IMessage>> {
    await this.readable(p.roomId, p.caller, () => RcError.failure('error-not-allowed', 'Not allowed'));
    return this.paged({ rid: p.roomId, pinned: true, _hidden: { $ne: true } }, p.page);
  }

  /** chat.getStarredMessages: the messages the caller starred. */
  async starred(p: RoomMessagesPagePayload): Promise<Paged<'messages', IMessage>> {
    await this.readable(p.roomId, p.caller);
    return this.paged({ rid: p.roomId, 'starred._id': p.caller._id, _hidden: { $ne: true } }, p.page);
  }

  /** chat.getMentionedMessages: the messages that mention the caller. */
  async mentioned(p: RoomMessagesPagePayload): Promise<Paged<'messages', IMessage>> {
    await this.readable(p.roomId, p.caller);
    return this.paged({ rid: p.roomId, 'mentions._id': p.caller._id, _hidden: { $ne: true } }, p.page);
  }

  /** chat.getDiscussions: the messages that started a discussion (`drid`), by text. */
  async discussions(p: DiscussionsPayload): Promise<Paged<'messages', IMessage>> {
    await this.readable(p.roomId, p.caller);
    return this.paged(
      {
        rid: p.roomId,
        drid: { $exists: true },
        _hidden: { $ne: true },
        ...(p.text ? { msg: { $regex: escapeRegExp(p.text), $options: 'i' } } : {}),
      },
      p.page,
    );
  }

  /** chat.getSnippetedMessages (5.x; gone in 7.x): only while `Message_AllowSnippeting`. */
  async snippeted(p: RoomMessagesPagePayload): Promise<Paged<'messages', IMessage>> {
    await this.assertSnippeting('getSnippetedMessages');
    await this.readable(p.roomId, p.caller, () => RcError.failure('error-not-allowed', 'Not allowed'));
    return this.paged({ rid: p.roomId, snippeted: true, _hidden: { $ne: true } }, p.page);
  }

  /** chat.getSnippetedMessageById */
  async snippet(p: MessageIdPayload): Promise<{ message: IMessage }> {
    await this.assertSnippeting('getSnippetedMessageById');
    const { message } = await this.readableMessages.find(p.messageId, p.caller, invalidMessage);
    if (!message.snippeted) {
      throw invalidMessage();
    }
    return { message };
  }

  private async assertSnippeting(method: string): Promise<void> {
    if (!(await this.settings.boolean('Message_AllowSnippeting', false))) {
      throw RcError.failure('error-not-allowed', 'Not allowed', { method });
    }
  }

  /** chat.getDeletedMessages: the ids removed from the room since `since`. */
  async deleted(p: DeletedMessagesPayload): Promise<Paged<'messages', { _id: string }>> {
    const since = validDate(p.since);
    if (!since) {
      throw RcError.plain('The "since" query parameter must be a valid date.');
    }
    await this.readable(p.roomId, p.caller);
    const filter = { ...this.trash.deletedAfter({ rid: p.roomId }, since), _deletedAt: { $gte: since } };
    const [messages, total] = await Promise.all([
      this.trash.find<{ _id: string }>(filter, {
        projection: { _id: 1 },
        sort: { _deletedAt: 1 },
        skip: p.page.offset,
        limit: p.page.count,
      }),
      this.trash.count(filter),
    ]);
    return { messages, count: messages.length, offset: p.page.offset, total };
  }

  /** chat.syncMessages: what changed and what was removed in the room since `lastUpdate`. */
  async sync(p: SyncMessagesPayload) {
    const since = validDate(p.lastUpdate);
    if (!since) {
      throw RcError.failure('error-lastUpdate-param-invalid', 'The "lastUpdate" query parameter must be a valid date');
    }
    await this.readable(p.roomId, p.caller);
    const [updated, deleted] = await Promise.all([
      this.messages.find({ rid: p.roomId, _updatedAt: { $gt: since }, _hidden: { $ne: true } }, { sort: { ts: -1 } }),
      this.trash.find<{ _id: string; _deletedAt: Date }>(this.trash.deletedAfter({ rid: p.roomId }, since), {
        projection: { _id: 1, _deletedAt: 1 },
        sort: { _deletedAt: -1 },
      }),
    ]);
    return { result: { updated, deleted } };
  }

  /**
   * chat.search: a bounded, escaped regular expression over the room's messages (Rocket.Chat's
   * Message_AlwaysSearchRegExp), or `$text` on a MongoDB with a text index on the messages; with the `from:` /
   * `mention:` / `has:` / `is:` / `before:` / `after:` / `on:` modifiers; only in a room the caller may read.
   */
  async search(p: SearchPayload): Promise<{ messages: IMessage[] }> {
    await this.readable(p.roomId, p.caller, () => RcError.failure('error-not-allowed', 'Not allowed'));
    const { filter, sort } = messageSearchFilter(p.searchText, p.caller);
    const base = { rid: p.roomId, _hidden: { $ne: true }, t: { $exists: false } };
    const limit = p.page.count || 20;
    const words = (filter.msg as { $regex?: string } | undefined)?.$regex;
    if (
      words &&
      !(await this.settings.boolean('Message_AlwaysSearchRegExp', false)) &&
      (await this.messages.hasTextIndex())
    ) {
      // real MongoDB with a text index: `$text`, best matches first (Rocket.Chat without Message_AlwaysSearchRegExp)
      const rest = { ...filter };
      delete rest.msg;
      const messages = await this.messages.find(
        { ...rest, ...base, $text: { $search: p.searchText.slice(0, 256) } },
        {
          projection: { score: { $meta: 'textScore' } },
          sort: sort ?? ({ score: { $meta: 'textScore' } } as unknown as Record<string, 1 | -1>),
          skip: p.page.offset,
          limit,
        },
      );
      return { messages };
    }
    const messages = await this.messages.find(
      { ...filter, ...base },
      { sort: sort ?? { ts: -1 }, skip: p.page.offset, limit },
    );
    return { messages };
  }

  /** chat.getRoomIdByNameOrId (the SDKs' room look-up): a room the caller may see. */
  async roomIdByNameOrId(p: CallerPayload & { name: string }): Promise<{ rid: string }> {
    const access = await this.lookup(p.name, p.caller);
    return { rid: access.room._id };
  }

  /** chat.getRoomNameById */
  async roomNameById(p: CallerPayload & { rid: string }): Promise<{ name: string }> {
    const access = await this.readable(p.rid, p.caller, () => RcError.failure('error-not-allowed', 'Not allowed'));
    return { name: access.room.name ?? access.room.fname ?? '' };
  }

  private async lookup(nameOrId: string, caller: AuthUser): Promise<RoomAccess> {
    const name = nameOrId.replace(/^#/, '');
    const { room } = await this.rooms.get({ roomIdOrName: name }, caller._id);
    if (!room) {
      throw RcError.failure('error-not-allowed', 'Not allowed');
    }
    return this.readable(room._id, caller, () => RcError.failure('error-not-allowed', 'Not allowed'));
  }
}
