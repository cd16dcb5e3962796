import { Injectable } from '@nestjs/common';
import { IMessage, InternalPattern, PostMessagePayload, PostMessageResult, RcEvent } from '@app/contracts';
import { isDuplicateKey } from '@app/database';
import { Errors, RcError } from '@app/envelope';
import { SettingsReader } from '@app/settings';
import { EventBus, RpcClient } from '@app/transport';
import { mentionedUsernames, messageIdFor, messageUrls } from './message-id';
import { MessagesRepository } from './messages.repository';

/** Owner of `rocketchat_message`: sending and reading messages. Room rules are asked of users-rooms. */
@Injectable()
export class MessagesService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly rpc: RpcClient,
    private readonly events: EventBus,
    private readonly settings: SettingsReader,
  ) {}

  /** chat.postMessage (Rocket.Chat's processWebhookMessage): the first target's result is returned. */
  async postMessage(p: PostMessagePayload, requestId: string): Promise<PostMessageResult> {
    const targets = [p.roomId ?? p.channel].flat().filter((t): t is string => typeof t === 'string' && t.length > 0);
    if (!targets.length) {
      throw Errors.invalidChannel();
    }
    if (p.tmid && !(await this.settings.boolean('Threads_enabled', true))) {
      throw RcError.failure('error-not-allowed', 'not-allowed', { method: 'sendMessage' });
    }
    const target = targets[0];
    const text = p.text ?? '';
    const auth = await this.rpc.send(InternalPattern.RoomsAuthorizePost, {
      userId: p.caller._id,
      caller: { _id: p.caller._id, username: p.caller.username, name: p.caller.name, roles: p.caller.roles },
      ...(p.roomId ? { roomId: target } : { channel: target }),
      mentionUsernames: mentionedUsernames(text),
    });
    const parent = p.tmid ? await this.threadParent(p.tmid, auth.room._id) : null;
    const now = new Date();
    const _id = messageIdFor(requestId);
    const urls = p.parseUrls === false ? [] : messageUrls(text);
    const doc: IMessage = {
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
      ...(p.groupable === false ? { groupable: false } : {}),
      ...(urls.length ? { urls } : {}),
      ...(p.tmid ? { tmid: p.tmid } : {}),
      channels: [],
    };
    let stored: IMessage;
    let firstDelivery = true;
    try {
      await this.messages.insert(doc);
      stored = doc;
    } catch (err) {
      if (!isDuplicateKey(err)) {
        throw err;
      }
      // a redelivered request: the message is already there; the updates below are idempotent
      stored = (await this.messages.findById(_id)) ?? doc;
      firstDelivery = false;
    }
    if (parent && firstDelivery) {
      // the first reply makes the parent's author a follower too (Rocket.Chat's thread replies)
      const replies = parent.replies?.length ? [p.caller._id] : [parent.u._id, p.caller._id];
      await this.messages.addThreadReply(parent._id, replies, stored.ts);
    }
    await this.rpc.emit(InternalPattern.RoomsMessageSent, {
      rid: auth.room._id,
      messageId: _id,
      ts: new Date(stored.ts).toISOString(),
      userId: p.caller._id,
      message: { _id, msg: stored.msg, u: auth.user, rid: auth.room._id, ...(p.tmid ? { tmid: p.tmid } : {}) },
      mentionedUserIds: auth.mentions.filter((m) => m._id !== 'all' && m._id !== 'here').map((m) => m._id),
      hasGroupMention: auth.mentions.some((m) => m._id === 'all' || m._id === 'here'),
      ...(p.tmid ? { tmid: p.tmid } : {}),
    });
    void this.events.publish(RcEvent.MessageSent, { rid: auth.room._id, messageId: _id }).catch(() => undefined);
    return { ts: now.getTime(), channel: target, message: stored };
  }

  /**
   * The message a `tmid` reply belongs to. A reply to a reply joins the first one's thread; a parent in another
   * room is refused (a thread never spans rooms). Rocket.Chat stores a reply to a message it cannot find as is.
   */
  private async threadParent(tmid: string, rid: string): Promise<IMessage | null> {
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
