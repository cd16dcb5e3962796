import { Injectable } from '@nestjs/common';
import type { FilterQuery } from 'mongoose';
import {
  AuthUser,
  IMessage,
  Paged,
  SyncThreadMessagesPayload,
  SyncThreadsListPayload,
  ThreadMessagesPayload,
  ThreadsListPayload,
} from '@app/contracts';
import { RcError } from '@app/envelope';
import { reviveQuery } from '@app/paging';
import { SettingsReader } from '@app/settings';
import { RoomAccessService } from '../room-access/room-access.service';
import { MessagesRepository } from './messages.repository';
import { pageOptions } from './page-options';
import { ReadableMessages } from './readable-messages.service';
import { TrashRepository } from './trash.repository';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Threads: a thread's replies, a room's threads (all, followed, unread), and their syncs by `updatedSince`. */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly trash: TrashRepository,
    private readonly access: RoomAccessService,
    private readonly readableMessages: ReadableMessages,
    private readonly settings: SettingsReader,
  ) {}

  private async assertEnabled(): Promise<void> {
    if (!(await this.settings.boolean('Threads_enabled', true))) {
      throw RcError.failure('error-not-allowed', 'Threads Disabled');
    }
  }

  private async readable(rid: string, caller: AuthUser, fresh = false) {
    const access = await this.access.accessible(rid, caller, { fresh });
    if (!access) {
      throw RcError.failure('error-not-allowed', 'Not Allowed');
    }
    return access;
  }

  /** The thread's room; an unknown thread and one in a room the caller may not read get the same answer. */
  private async thread(tmid: string, caller: AuthUser): Promise<string> {
    const { message } = await this.readableMessages.find(
      tmid,
      caller,
      () => RcError.failure('error-invalid-message', 'Invalid Message'),
      { rid: 1 },
    );
    return message.rid;
  }

  private since(value: string): Date {
    const d = new Date(value);
    if (!value || Number.isNaN(d.getTime())) {
      throw RcError.failure(
        'error-updatedSince-param-invalid',
        'The "updatedSince" query parameter must be a valid date.',
      );
    }
    return d;
  }

  /** chat.getThreadMessages: the replies, oldest first. */
  async messagesOf(p: ThreadMessagesPayload): Promise<Paged<'messages', IMessage>> {
    await this.assertEnabled();
    await this.thread(p.tmid, p.caller);
    const filter: FilterQuery<IMessage> = {
      ...(p.page.query ? reviveQuery(p.page.query) : {}),
      tmid: p.tmid,
    };
    const [messages, total] = await Promise.all([
      this.messages.find(filter, pageOptions(p.page, { ts: 1 })),
      this.messages.count(filter),
    ]);
    return { messages, count: messages.length, offset: p.page.offset, total };
  }

  /** chat.getThreadsList: the room's threads, latest reply first; `following`, `unread`, `text`. */
  async list(p: ThreadsListPayload): Promise<Paged<'threads', IMessage>> {
    await this.assertEnabled();
    // the unread threads are read as they are now, not as cached
    const { subscription } = await this.readable(p.rid, p.caller, p.type === 'unread');
    const filter: FilterQuery<IMessage> = {
      ...(p.page.query ? reviveQuery(p.page.query) : {}),
      _hidden: { $ne: true },
      ...(p.type === 'following' ? { replies: p.caller._id } : {}),
      ...(p.type === 'unread' ? { _id: { $in: subscription?.tunread ?? [] } } : {}),
      ...(p.text ? { msg: { $regex: escapeRegExp(p.text), $options: 'i' } } : {}),
      rid: p.rid,
      tcount: { $exists: true },
    };
    const [threads, total] = await Promise.all([
      this.messages.find(filter, pageOptions(p.page, { tlm: -1 })),
      this.messages.count(filter),
    ]);
    return { threads, count: threads.length, offset: p.page.offset, total };
  }

  /** chat.syncThreadMessages: replies changed and removed since `updatedSince`. */
  async syncMessages(p: SyncThreadMessagesPayload) {
    await this.assertEnabled();
    const since = this.since(p.updatedSince);
    await this.thread(p.tmid, p.caller);
    const [update, remove] = await Promise.all([
      this.messages.find({ tmid: p.tmid, _updatedAt: { $gt: since } }, { sort: p.page.sort ?? { ts: 1 } }),
      this.trash.find<{ _id: string }>(this.trash.deletedAfter({ tmid: p.tmid }, since), {
        projection: { _id: 1, _deletedAt: 1 },
      }),
    ]);
    return { messages: { update, remove } };
  }

  /** chat.syncThreadsList: the room's threads changed and removed since `updatedSince`. */
  async syncList(p: SyncThreadsListPayload) {
    await this.assertEnabled();
    const since = this.since(p.updatedSince);
    await this.readable(p.rid, p.caller);
    const threads = { rid: p.rid, tcount: { $exists: true } };
    const [update, remove] = await Promise.all([
      this.messages.find({ ...threads, _updatedAt: { $gt: since } }, { sort: { tlm: -1 } }),
      this.trash.find<{ _id: string }>(this.trash.deletedAfter(threads, since), {
        projection: { _id: 1, _deletedAt: 1 },
      }),
    ]);
    return { threads: { update, remove } };
  }
}
