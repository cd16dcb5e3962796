import { Injectable } from '@nestjs/common';
import type { FilterQuery } from 'mongoose';
import {
  AnonymousReadPayload,
  AuthUser,
  CHANNEL_KIND,
  CleanHistoryPayload,
  CountersPayload,
  CountersResult,
  HistoryPayload,
  HistoryResult,
  IMessage,
  Paged,
  RoomFilesPayload,
  RoomKind,
  RoomMessagesPayload,
  UploadView,
  UserMentionsPayload,
} from '@app/contracts';
import { Errors, RcError } from '@app/envelope';
import { reviveQuery } from '@app/paging';
import { SettingsReader } from '@app/settings';
import { RoomAccess, RoomAccessService } from '../room-access/room-access.service';
import { UploadsService } from '../uploads/uploads.service';
import { MessagesRepository } from './messages.repository';
import { pageOptions } from './page-options';

const date = (value: string | undefined, fallback?: Date): Date | undefined => {
  if (value === undefined || value === '') {
    return fallback;
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) {
    throw RcError.failure('error-invalid-date', 'Invalid date');
  }
  return d;
};

/** The message endpoints of rooms (channels.* and groups.*), with room access decided in chat. */
@Injectable()
export class RoomMessagesService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly uploadFiles: UploadsService,
    private readonly access: RoomAccessService,
    private readonly settings: SettingsReader,
  ) {}

  /** channels.history / groups.history: newest first between `oldest` and `latest`; `unreads` adds firstUnread. */
  async history(kind: RoomKind, p: HistoryPayload): Promise<HistoryResult> {
    const access = await this.access.find(kind, p, p.caller, { fresh: !!p.unreads });
    await this.access.assertCanRead(access, p.caller, true);
    return this.historyOf(access, p);
  }

  /** The history of a room the caller may read (channels, groups and DMs alike). */
  async historyOf(access: RoomAccess, p: HistoryPayload): Promise<HistoryResult> {
    const latest = date(p.latest, new Date())!;
    const oldest = date(p.oldest);
    const ts: Record<string, Date> = { [p.inclusive ? '$lte' : '$lt']: latest };
    if (oldest) {
      ts[p.inclusive ? '$gte' : '$gt'] = oldest;
    }
    const rid = access.room._id;
    const filter: FilterQuery<IMessage> = { rid, _hidden: { $ne: true }, ts };
    if (!p.showThreadMessages) {
      filter.$or = [{ tmid: { $exists: false } }, { tshow: true }];
    }
    // Rocket.Chat's history answers the messages only (no count/offset/total): no count of the room per read
    const messages = await this.messages.find(filter, { sort: { ts: -1 }, skip: p.offset, limit: p.count });
    const result: HistoryResult = { messages };
    const ls = access.subscription?.ls ? new Date(access.subscription.ls) : undefined;
    if (p.unreads && ls) {
      const unreadFilter: FilterQuery<IMessage> = { rid, _hidden: { $ne: true }, ts: { $gt: ls, $lte: latest } };
      const oldestLoaded = messages.length ? messages[messages.length - 1].ts : latest;
      const [firstUnread, unreadNotLoaded] = await Promise.all([
        this.messages.findOne(unreadFilter, undefined, { sort: { ts: 1 } }),
        this.messages.count({ ...unreadFilter, ts: { $gt: ls, $lt: oldestLoaded } }),
      ]);
      if (firstUnread) {
        result.firstUnread = firstUnread;
      }
      result.unreadNotLoaded = unreadNotLoaded;
    }
    return result;
  }

  /**
   * channels.messages / groups.messages: paged with `sort`, `query`, `fields`; channels also filter by
   * `mentionIds`, `starredIds`, `pinned` (7.x). A caller limited to joined rooms must be in the channel.
   */
  async list(kind: RoomKind, p: RoomMessagesPayload): Promise<Paged<'messages', IMessage>> {
    const access = await this.access.find(kind, p, p.caller);
    if (
      kind.t === 'c' &&
      !access.subscription &&
      (await this.access.hasPermission(p.caller, null, 'view-joined-room'))
    ) {
      throw RcError.forbidden();
    }
    await this.access.assertCanRead(access, p.caller, false);
    return this.messagesOf(access, p);
  }

  /** A readable room's messages: paged with `sort`, `query`, `fields` and the 7.x filters. */
  async messagesOf(
    access: RoomAccess,
    p: Pick<RoomMessagesPayload, 'page' | 'mentionIds' | 'starredIds' | 'pinned'>,
  ): Promise<Paged<'messages', IMessage>> {
    const ids = (value: string | undefined, field: string) =>
      value ? { [field]: { $in: value.split(',').map((id) => id.trim()) } } : {};
    const filter: FilterQuery<IMessage> = {
      ...(p.page.query ? reviveQuery(p.page.query) : {}),
      rid: access.room._id,
      ...ids(p.mentionIds, 'mentions._id'),
      ...ids(p.starredIds, 'starred._id'),
      ...(p.pinned ? { pinned: true } : {}),
    };
    const [messages, total] = await Promise.all([
      this.messages.find(filter, pageOptions(p.page)),
      this.messages.count(filter),
    ]);
    return { messages, count: messages.length, offset: p.page.offset, total };
  }

  /** channels.files / groups.files: the room's uploads (name filter, typeGroup), each with its uploader. */
  async files(kind: RoomKind, p: RoomFilesPayload): Promise<Paged<'files', UploadView>> {
    const access = await this.access.find(kind, p, p.caller);
    await this.access.assertCanRead(access, p.caller, false);
    return this.filesOf(access, p);
  }

  /** A readable room's uploads (name filter, typeGroup). */
  async filesOf(
    access: RoomAccess,
    p: Pick<RoomFilesPayload, 'page' | 'name' | 'typeGroup'>,
  ): Promise<Paged<'files', UploadView>> {
    const filter: FilterQuery<Record<string, unknown>> = {
      ...(p.page.query ? reviveQuery(p.page.query) : {}),
      rid: access.room._id,
      ...(p.name ? { name: { $regex: p.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' } } : {}),
      ...(p.typeGroup ? { typeGroup: p.typeGroup } : {}),
    };
    const [files, total] = await this.uploadFiles.list(filter, pageOptions(p.page, { name: 1 }));
    return { files, count: files.length, offset: p.page.offset, total };
  }

  /**
   * channels.counters / groups.counters: the caller's (or, with `view-room-administration`, another user's)
   * unread state; member count, message count and latest only for members and administrators.
   */
  async counters(kind: RoomKind, p: CountersPayload): Promise<CountersResult> {
    const admin = await this.access.hasPermission(p.caller, null, 'view-room-administration');
    if (p.userId && !admin) {
      throw RcError.forbidden();
    }
    const who: AuthUser = p.userId ? { ...p.caller, _id: p.userId } : p.caller;
    const access = await this.access.find(kind, p, who, { fresh: true });
    const { room, subscription: sub } = access;
    const latest = room.lm ?? room._updatedAt;
    const out: CountersResult = {
      joined: false,
      members: null,
      unreads: null,
      unreadsFrom: null,
      msgs: null,
      latest: null,
      userMentions: null,
    };
    if (sub?.open) {
      const from = sub.ls ?? sub.ts;
      out.unreads = await this.messages.count({
        rid: room._id,
        _hidden: { $ne: true },
        t: { $exists: false },
        ts: { $gte: new Date(from), $lte: new Date(latest) },
      });
      out.unreadsFrom = from;
      out.userMentions = sub.userMentions;
      out.joined = true;
    }
    if (admin || out.joined) {
      out.msgs = room.msgs;
      out.latest = latest;
      out.members = room.usersCount;
    }
    return out;
  }

  /**
   * rooms.cleanHistory (and the channels.cleanHistory alias): removes the room's messages between `oldest` and
   * `latest` (`inclusive`, at most `limit`, only of `users`, sparing pinned ones, thread replies or discussion
   * messages when asked), or with `filesOnly` just their files. `clean-channel-history` in the room.
   */
  async cleanHistory(kind: RoomKind, p: CleanHistoryPayload): Promise<{ _id: string; count: number }> {
    return this.cleanHistoryIn(await this.access.find(kind, p, p.caller), p);
  }

  /**
   * rooms.cleanHistory: a room of any type the caller can access (a private one it is not in is not found), not
   * archived; then as channels.cleanHistory.
   */
  async cleanAnyHistory(p: CleanHistoryPayload): Promise<{ _id: string; count: number }> {
    const access = await this.access.findAny(p, p.caller);
    if (access.room.archived) {
      throw RcError.failure('error-room-archived', `The channel, ${access.room.name ?? access.room._id}, is archived`);
    }
    if (!access.subscription && !(await this.access.hasPermission(p.caller, null, 'view-c-room'))) {
      throw RcError.apiFailure('User does not have access to the room [error-not-allowed]', 'error-not-allowed');
    }
    return this.cleanHistoryIn(access, p);
  }

  private async cleanHistoryIn(access: RoomAccess, p: CleanHistoryPayload): Promise<{ _id: string; count: number }> {
    if (!(await this.access.hasPermission(p.caller, access.subscription, 'clean-channel-history'))) {
      throw Errors.notAllowed('Not allowed', { method: 'cleanRoomHistory' });
    }
    const latest = date(p.latest);
    const oldest = date(p.oldest);
    if (!latest || !oldest) {
      throw RcError.plain('Body parameters "latest" and "oldest" are required.');
    }
    const filter: FilterQuery<IMessage> = {
      rid: access.room._id,
      ts: { [p.inclusive ? '$gte' : '$gt']: oldest, [p.inclusive ? '$lte' : '$lt']: latest },
      ...(p.excludePinned ? { pinned: { $ne: true } } : {}),
      ...(p.ignoreThreads ? { tmid: { $exists: false }, tcount: { $exists: false } } : {}),
      ...(p.ignoreDiscussion ? { drid: { $exists: false } } : {}),
      ...(p.users?.length ? { 'u.username': { $in: p.users } } : {}),
    };
    const limit = p.limit && p.limit > 0 ? p.limit : 0;
    const targets = await this.messages.find<Pick<IMessage, '_id' | 'file' | 'files'>>(filter, {
      projection: { _id: 1, file: 1, files: 1 },
      sort: { ts: 1 },
      limit,
    });
    const fileIds = targets.flatMap((m) => [
      ...((m.files as { _id: string }[] | undefined) ?? []).map((f) => f._id),
      ...((m.file as { _id?: string } | undefined)?._id ? [(m.file as { _id: string })._id] : []),
    ]);
    if (fileIds.length) {
      await this.uploadFiles.remove({ _id: { $in: fileIds } });
    }
    if (p.filesOnly) {
      const withFiles = targets.filter((m) => m.file || m.files).map((m) => m._id);
      if (withFiles.length) {
        await this.messages.updateMany(
          { _id: { $in: withFiles } },
          {
            $unset: { file: 1, files: 1 },
            $set: { attachments: [{ color: '#FD745E', text: '_File removed by prune_' }] },
          },
        );
      }
      return { _id: access.room._id, count: fileIds.length };
    }
    const count = targets.length ? await this.messages.deleteMany({ _id: { $in: targets.map((m) => m._id) } }) : 0;
    return { _id: access.room._id, count };
  }

  /** channels.getAllUserMentionsByChannel: the room's messages that mention the caller. */
  async mentions(p: UserMentionsPayload): Promise<Paged<'mentions', IMessage>> {
    const access = await this.access.find(CHANNEL_KIND, { roomId: p.roomId }, p.caller).catch(() => {
      throw RcError.failure('error-invalid-room', 'Invalid room', { method: 'getUserMentionsByChannel' });
    });
    await this.access.assertCanRead(access, p.caller, false).catch(() => {
      throw Errors.notAllowed('Not allowed', { method: 'getUserMentionsByChannel' });
    });
    const filter: FilterQuery<IMessage> = {
      rid: access.room._id,
      _hidden: { $ne: true },
      'mentions.username': p.caller.username,
    };
    const [mentions, total] = await Promise.all([
      this.messages.find(filter, { sort: p.sort ?? { ts: 1 }, skip: p.offset, limit: p.count }),
      this.messages.count(filter),
    ]);
    return { mentions, count: mentions.length, offset: p.offset, total };
  }

  /** channels.anonymousread: a public channel's messages without login, when `Accounts_AllowAnonymousRead`. */
  async anonymousRead(p: AnonymousReadPayload): Promise<Paged<'messages', IMessage>> {
    const anonymous: AuthUser = p.caller ?? {
      _id: '',
      username: '',
      roles: ['anonymous'],
      type: 'user',
      active: true,
      hashedToken: '',
    };
    const access = await this.access.find(CHANNEL_KIND, p, anonymous);
    if (!(await this.settings.boolean('Accounts_AllowAnonymousRead', false))) {
      throw Errors.notAllowed('Enable "Allow Anonymous Read"', { method: 'channels.anonymousread' });
    }
    const filter: FilterQuery<IMessage> = {
      ...(p.page.query ? reviveQuery(p.page.query) : {}),
      rid: access.room._id,
    };
    const [messages, total] = await Promise.all([
      this.messages.find(filter, pageOptions(p.page)),
      this.messages.count(filter),
    ]);
    return { messages, count: messages.length, offset: p.page.offset, total };
  }
}
