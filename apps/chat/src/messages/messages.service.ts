import { Injectable } from '@nestjs/common';
import {
  AuthUser,
  IMessage,
  InternalPattern,
  OutgoingMessageFields,
  PostMessagePayload,
  PostMessageResult,
  SendMessagePayload,
} from '@app/contracts';
import { isDuplicateKey } from '@app/database';
import { Errors, RcError } from '@app/envelope';
import { SettingsReader } from '@app/settings';
import { RpcClient } from '@app/transport';
import type { RoomAccess } from '../room-access/room-access.service';
import { SendAccessService, SendTarget } from '../room-access/send-access.service';
import { MessageComposer } from './message-composer.service';
import { messageIdFor } from './message-id';
import { MessagesRepository } from './messages.repository';

/** What a new message is made of, whichever endpoint sends it (postMessage, sendMessage, an upload). */
export interface NewMessage extends OutgoingMessageFields {
  _id: string;
  msg: string;
  parseUrls?: boolean;
  /** the links to preview; the others are stored with `ignoreParse` (Rocket.Chat's parseUrlsInMessage) */
  previewUrls?: string[];
  groupable?: boolean;
  /** extra stored fields (an upload's `file`, `files`) */
  extra?: Record<string, unknown>;
}

const SEND_SETTINGS = { Message_MaxAllowedSize: 5000, Threads_enabled: true };

/**
 * Sending messages: Rocket.Chat's processWebhookMessage (chat.postMessage) and sendMessage (chat.sendMessage).
 * Room access comes from chat's room-access cache, mentions from its user directory: a post to a known room
 * asks no other service. The room's counters and the members' unread state follow through the durable event
 * `rooms.messageSent`, keyed by the message id, so a redelivered post neither loses nor doubles them.
 */
@Injectable()
export class MessagesService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly send: SendAccessService,
    private readonly composer: MessageComposer,
    private readonly rpc: RpcClient,
    private readonly settings: SettingsReader,
  ) {}

  /** chat.postMessage: every target gets the message; the first one's is answered. */
  async postMessage(p: PostMessagePayload, callId: string): Promise<PostMessageResult> {
    const targets = [p.roomId ?? p.channel].flat().filter((t): t is string => typeof t === 'string' && t.length > 0);
    if (!targets.length) {
      throw Errors.invalidChannel();
    }
    const limits = await this.settings.view(SEND_SETTINGS);
    const text = p.text ?? '';
    const tooLong = (s: unknown) => typeof s === 'string' && s.length > limits.Message_MaxAllowedSize;
    if (tooLong(text) || p.attachments?.some((a) => tooLong(a.text))) {
      throw RcError.plain('error-message-size-exceeded');
    }
    let first: PostMessageResult | undefined;
    for (const [i, target] of targets.entries()) {
      const to: SendTarget = p.roomId ? { roomId: target } : { channel: target };
      const access = await this.send.open(to, p.caller);
      const message = await this.store(access, p.caller, {
        _id: messageIdFor(i ? `${callId}:${i}` : callId),
        msg: text,
        alias: p.alias,
        emoji: p.emoji,
        avatar: p.avatar,
        attachments: p.attachments,
        tmid: p.tmid,
        tshow: p.tshow,
        parseUrls: p.parseUrls,
        groupable: p.groupable,
      });
      first ??= { ts: Date.now(), channel: target, message };
    }
    return first!;
  }

  /** chat.sendMessage: one room, a client-chosen `_id` allowed (a taken one is refused). */
  async sendMessage(p: SendMessagePayload, callId: string): Promise<{ message: IMessage }> {
    const m = p.message;
    if (m.tshow && !m.tmid) {
      throw RcError.failure('invalid-params', 'tshow provided but missing tmid', { method: 'sendMessage' });
    }
    const limits = await this.settings.view(SEND_SETTINGS);
    if (m.msg && m.msg.length > limits.Message_MaxAllowedSize) {
      throw RcError.failure('error-message-size-exceeded', 'Message size exceeds Message_MaxAllowedSize', {
        method: 'sendMessage',
      });
    }
    const _id = m._id ?? messageIdFor(callId);
    if (m._id && (await this.messages.exists({ _id: m._id }))) {
      throw RcError.failure(
        'error-message-already-exists',
        'Cannot send message, message with same id already exists',
        {
          method: 'sendMessage',
        },
      );
    }
    // a reply to a reply joins the first one's thread, in the parent's room (Rocket.Chat: no nested threads)
    let rid = m.rid;
    let tmid = m.tmid;
    if (tmid) {
      const parent = await this.messages.findById<Pick<IMessage, 'rid' | 'tmid'>>(tmid, { rid: 1, tmid: 1 });
      tmid = parent?.tmid ?? tmid;
      rid = parent?.rid ?? rid;
    }
    const access = await this.send.open({ roomId: rid }, p.caller);
    const message = await this.store(access, p.caller, {
      _id,
      msg: m.msg ?? '',
      alias: m.alias,
      emoji: m.emoji,
      avatar: m.avatar,
      attachments: m.attachments,
      tmid,
      tshow: m.tshow,
      previewUrls: p.previewUrls,
    });
    return { message };
  }

  /**
   * Stores a message in a room the caller may send to (Rocket.Chat's sendMessage): thread rules, mentions,
   * channel links, links; then the room and its members follow (durable event).
   */
  async store(access: RoomAccess, caller: AuthUser, input: NewMessage): Promise<IMessage> {
    const rid = access.room._id;
    const parent = input.tmid ? await this.threadParent(input.tmid, rid) : null;
    const text = input.msg;
    const { mentions, channels, urls } = await this.composer.refs(text, caller, input);
    const now = new Date();
    const tmid = parent?._id ?? input.tmid;
    const doc: IMessage = {
      _id: input._id,
      rid,
      msg: text,
      ts: now,
      u: { _id: caller._id, username: caller.username, ...(caller.name ? { name: caller.name } : {}) },
      _updatedAt: now,
      mentions,
      channels,
      ...(input.alias ? { alias: input.alias } : {}),
      ...(input.emoji ? { emoji: input.emoji } : {}),
      ...(input.avatar ? { avatar: input.avatar } : {}),
      ...(input.attachments?.length ? { attachments: input.attachments } : {}),
      ...(input.alias || input.avatar || input.emoji || input.groupable === false ? { groupable: false } : {}),
      ...(urls.length ? { urls } : {}),
      ...(tmid ? { tmid } : {}),
      ...(tmid && input.tshow ? { tshow: true } : {}),
      ...(input.extra ?? {}),
    };
    let stored: IMessage = doc;
    let firstDelivery = true;
    try {
      await this.messages.insert(doc);
    } catch (err) {
      if (!isDuplicateKey(err)) {
        throw err;
      }
      // a redelivered call: the message is there; what follows is idempotent
      stored = (await this.messages.findById(doc._id)) ?? doc;
      firstDelivery = false;
    }
    if (access.room.prid && firstDelivery && !tmid) {
      // a message in a discussion counts on the parent room's discussion message (Rocket.Chat's dcount / dlm)
      await this.messages.updateOne(
        { drid: rid, t: 'discussion-created' },
        { $inc: { dcount: 1 }, $set: { dlm: new Date(stored.ts), _updatedAt: new Date() } },
      );
    }
    if (parent && firstDelivery) {
      // the first reply makes the parent's author a follower too (Rocket.Chat's thread replies)
      const replies = parent.replies?.length ? [caller._id] : [parent.u._id, caller._id];
      await this.messages.addThreadReply(parent._id, replies, new Date(stored.ts));
    }
    const mentionedUserIds = mentions.filter((m) => m._id !== 'all' && m._id !== 'here').map((m) => m._id);
    await this.rpc.emit(InternalPattern.RoomsMessageSent, {
      rid,
      roomType: access.room.t,
      messageId: stored._id,
      ts: new Date(stored.ts).toISOString(),
      userId: caller._id,
      message: {
        _id: stored._id,
        msg: stored.msg,
        u: stored.u,
        rid,
        ts: stored.ts,
        ...(tmid ? { tmid } : {}),
        ...(stored.attachments ? { attachments: stored.attachments } : {}),
        ...(stored.file ? { file: stored.file } : {}),
      },
      mentionedUserIds,
      hasGroupMention: mentions.some((m) => m._id === 'all' || m._id === 'here'),
      ...(tmid
        ? { tmid, threadFollowers: [...new Set([...(parent?.replies ?? []), parent?.u._id ?? ''])].filter(Boolean) }
        : {}),
      ...(tmid && input.tshow ? { tshow: true } : {}),
    });
    return stored;
  }

  /**
   * The message a `tmid` reply belongs to. A reply to a reply joins the first one's thread; a parent in another
   * room is refused (a thread never spans rooms). Rocket.Chat stores a reply to a message it cannot find as is.
   */
  private async threadParent(tmid: string, rid: string): Promise<IMessage | null> {
    if (!(await this.settings.boolean('Threads_enabled', true))) {
      throw RcError.failure('error-not-allowed', 'not-allowed', { method: 'sendMessage' });
    }
    const parent = await this.messages.findById(tmid, { rid: 1, u: 1, replies: 1, tmid: 1 });
    if (parent && parent.rid !== rid) {
      throw RcError.failure('error-invalid-message', 'Invalid message', { method: 'sendMessage' });
    }
    if (parent?.tmid) {
      return this.messages.findById(parent.tmid, { rid: 1, u: 1, replies: 1 });
    }
    return parent;
  }
}
