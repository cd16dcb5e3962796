import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import {
  HistoryPayload,
  HistoryResult,
  PostMessagePayload,
  PostMessageResult,
  RcEvent,
  UsersRoomsPattern,
} from '@app/contracts';
import { RcError } from '@app/envelope';
import { EventBus, RpcClient } from '@app/transport';
import { mentionedUsernames, messageIdFor } from './message-id';
import { Message } from './schemas/message.schema';

/** Owner of `rocketchat_message`: sending and reading messages. Room rules are asked of users-rooms. */
@Injectable()
export class MessagesService {
  constructor(
    @InjectModel(Message.name) private readonly messages: Model<Message>,
    private readonly rpc: RpcClient,
    private readonly events: EventBus,
  ) {}

  /** chat.postMessage (Rocket.Chat's processWebhookMessage): the first target's result is returned. */
  async postMessage(p: PostMessagePayload, requestId: string): Promise<PostMessageResult> {
    const targets = [p.roomId ?? p.channel].flat().filter((t): t is string => typeof t === 'string' && t.length > 0);
    if (!targets.length) {
      throw RcError.failure('invalid-channel');
    }
    const target = targets[0];
    const text = p.text ?? '';
    const auth = await this.rpc.send(UsersRoomsPattern.RoomsAuthorizePost, {
      userId: p.caller._id,
      caller: { _id: p.caller._id, username: p.caller.username, name: p.caller.name, roles: p.caller.roles },
      ...(p.roomId ? { roomId: target } : { channel: target }),
      mentionUsernames: mentionedUsernames(text),
    });
    const now = new Date();
    const _id = messageIdFor(requestId);
    const doc: Message & Record<string, unknown> = {
      _id,
      rid: auth.room._id,
      msg: text,
      ts: now,
      u: auth.user,
      _updatedAt: now,
      mentions: auth.mentions,
      ...(p.alias ? { alias: p.alias } : {}),
      ...(p.emoji ? { emoji: p.emoji } : {}),
      ...(p.avatar ? { avatar: p.avatar } : {}),
      ...(p.attachments?.length ? { attachments: p.attachments } : {}),
      ...(p.alias || p.avatar || p.emoji ? { groupable: false } : {}),
      channels: [],
    };
    let stored: Record<string, unknown>;
    try {
      stored = (await this.messages.create(doc)).toObject() as unknown as Record<string, unknown>;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) {
        throw err;
      }
      // a redelivered request: the message is already there; the room update below is idempotent
      stored = (await this.messages.findById(_id).lean()) as unknown as Record<string, unknown>;
    }
    await this.rpc.emit(UsersRoomsPattern.RoomsMessageSent, {
      rid: auth.room._id,
      messageId: _id,
      ts: new Date(stored.ts as Date).toISOString(),
      userId: p.caller._id,
      message: { _id, msg: stored.msg, u: auth.user, rid: auth.room._id },
      mentionedUserIds: auth.mentions.filter((m) => m._id !== 'all' && m._id !== 'here').map((m) => m._id),
      hasGroupMention: auth.mentions.some((m) => m._id === 'all' || m._id === 'here'),
    });
    void this.events.publish(RcEvent.MessageSent, { rid: auth.room._id, messageId: _id }).catch(() => undefined);
    return { ts: now.getTime(), channel: target, message: stored };
  }

  /** channels.history: newest first, between `oldest` and `latest`. */
  async history(p: HistoryPayload): Promise<HistoryResult> {
    const access = await this.rpc.send(UsersRoomsPattern.RoomsAuthorizeRead, {
      userId: p.caller._id,
      roles: p.caller.roles,
      roomId: p.roomId,
      roomName: p.roomName,
      types: ['c'],
      notFoundError: 'error-room-not-found',
      missingParamError: 'error-roomid-param-not-provided',
    });
    const latest = p.latest ? new Date(p.latest) : new Date();
    const oldest = p.oldest ? new Date(p.oldest) : undefined;
    if (Number.isNaN(latest.getTime()) || (oldest && Number.isNaN(oldest.getTime()))) {
      throw RcError.failure('error-invalid-date', 'Invalid date');
    }
    const ts: Record<string, Date> = { [p.inclusive ? '$lte' : '$lt']: latest };
    if (oldest) {
      ts[p.inclusive ? '$gte' : '$gt'] = oldest;
    }
    const filter: FilterQuery<Message> = { rid: access.room._id, _hidden: { $ne: true }, ts };
    if (!p.showThreadMessages) {
      filter.$or = [{ tmid: { $exists: false } }, { tshow: true }];
    }
    const query = this.messages.find(filter).sort({ ts: -1 }).skip(p.offset);
    if (p.count > 0) {
      query.limit(p.count);
    }
    const [messages, total] = await Promise.all([query.lean(), this.messages.countDocuments(filter)]);
    const result: HistoryResult = { messages: messages, count: messages.length, offset: p.offset, total };
    if (p.unreads && access.lastSeen) {
      const ls = new Date(access.lastSeen);
      const unreadFilter: FilterQuery<Message> = {
        rid: access.room._id,
        _hidden: { $ne: true },
        ts: { $gt: ls, $lte: latest },
      };
      const oldestLoaded = messages.length ? messages[messages.length - 1].ts : latest;
      const [firstUnread, unreadNotLoaded] = await Promise.all([
        this.messages.findOne(unreadFilter).sort({ ts: 1 }).lean(),
        this.messages.countDocuments({ ...unreadFilter, ts: { $gt: ls, $lt: oldestLoaded } }),
      ]);
      if (firstUnread) {
        result.firstUnread = firstUnread;
      }
      result.unreadNotLoaded = unreadNotLoaded;
    }
    return result;
  }
}
