import { Injectable } from '@nestjs/common';
import {
  AuthUser,
  Empty,
  FollowPayload,
  IMessage,
  InternalPattern,
  MessageIdPayload,
  ReactPayload,
  ReportPayload,
} from '@app/contracts';
import { randomId } from '@app/database';
import { RcError } from '@app/envelope';
import { SettingsReader } from '@app/settings';
import { callIdOf, RpcClient } from '@app/transport';
import { RoomAccess, RoomAccessService } from '../room-access/room-access.service';
import { isStandardEmoji, reactionKey } from './emoji';
import { messageIdFor } from './message-id';
import { MessagesRepository } from './messages.repository';
import { ReadableMessages } from './readable-messages.service';
import { ReportsRepository } from './reports.repository';
import { SystemMessagesService } from './system-messages.service';

const notFound = () =>
  RcError.failure('error-message-not-found', 'The provided "messageId" does not match any existing message.');

/**
 * What members do to messages: pin (with Rocket.Chat's `message_pinned` system message), star, react, report,
 * and follow / unfollow threads. Each needs the message to exist and the room to be readable by the caller.
 */
@Injectable()
export class MessageActionsService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly reports: ReportsRepository,
    private readonly access: RoomAccessService,
    private readonly readableMessages: ReadableMessages,
    private readonly system: SystemMessagesService,
    private readonly settings: SettingsReader,
    private readonly rpc: RpcClient,
  ) {}

  /** The message, if the caller may read its room; otherwise the same answer as for no message. */
  private async message(id: string, caller: AuthUser) {
    return this.readableMessages.find(id, caller, notFound);
  }

  /** chat.pinMessage: answers the `message_pinned` system message quoting the original. */
  async pin(p: MessageIdPayload): Promise<{ message: IMessage }> {
    const { message: msg, access } = await this.message(p.messageId, p.caller);
    await this.assertCanPin(access, p.caller, 'pinMessage', 'pinning');
    const now = new Date();
    const pinnedBy = { _id: p.caller._id, username: p.caller.username };
    await this.messages.updateOne(
      { _id: msg._id },
      { $set: { pinned: true, pinnedAt: now, pinnedBy, _updatedAt: now } },
    );
    const quoted = (msg.attachments ?? []).filter((a) => typeof a.message_link === 'string' || a.text !== undefined);
    const message = await this.system.write({
      _id: messageIdFor(`pin:${callIdOf(p) ?? randomId()}`),
      rid: msg.rid,
      t: msg.t === 'e2e' ? 'message_pinned_e2e' : 'message_pinned',
      msg: '',
      u: { _id: p.caller._id, username: p.caller.username, ...(p.caller.name ? { name: p.caller.name } : {}) },
      ts: now.toISOString(),
      extra: {
        attachments: [
          {
            text: msg.msg,
            author_name: msg.u.username,
            author_icon: `/avatar/${encodeURIComponent(msg.u.username)}`,
            ts: msg.ts,
            ...(quoted.length ? { attachments: quoted } : {}),
          },
        ],
      },
    });
    return { message };
  }

  /** chat.unPinMessage */
  async unpin(p: MessageIdPayload): Promise<Empty> {
    const { message: msg, access } = await this.message(p.messageId, p.caller);
    await this.assertCanPin(access, p.caller, 'unpinMessage', 'unpinning');
    const pinnedBy = { _id: p.caller._id, username: p.caller.username };
    await this.messages.updateOne(
      { _id: msg._id },
      { $set: { pinned: false, pinnedBy, _updatedAt: new Date() }, $unset: { pinnedAt: 1 } },
    );
    return {};
  }

  /** `Message_AllowPinning`, `pin-message` in the room, and a member of it (else "not found"). */
  private async assertCanPin(access: RoomAccess, caller: AuthUser, method: string, doing: string): Promise<void> {
    if (!(await this.settings.boolean('Message_AllowPinning', true))) {
      throw RcError.failure('error-action-not-allowed', 'Message pinning not allowed', {
        method,
        action: 'Message_pinning',
      });
    }
    if (!(await this.access.hasPermission(caller, access.subscription, 'pin-message'))) {
      throw RcError.failure('not-authorized', 'Not Authorized', { method });
    }
    if (!access.subscription) {
      throw RcError.failure('error-invalid-message', `Message you are ${doing} was not found`, {
        method,
        action: 'Message_pinning',
      });
    }
  }

  /** chat.starMessage / chat.unStarMessage: per user (`starred: [{_id}]`); a non-member's star changes nothing. */
  async star(p: MessageIdPayload, starred: boolean): Promise<Empty> {
    const { message: msg, access } = await this.message(p.messageId, p.caller);
    if (!(await this.settings.boolean('Message_AllowStarring', true))) {
      throw RcError.failure('error-action-not-allowed', 'Message starring not allowed', {
        method: 'starMessage',
        action: 'Message_starring',
      });
    }
    if (!access.subscription) {
      // Rocket.Chat's starMessage returns false for a room the caller is not in
      return {};
    }
    await this.messages.updateOne(
      { _id: msg._id },
      starred
        ? { $addToSet: { starred: { _id: p.caller._id } }, $set: { _updatedAt: new Date() } }
        : { $pull: { starred: { _id: p.caller._id } }, $set: { _updatedAt: new Date() } },
    );
    return {};
  }

  /** chat.react: toggles the caller's reaction (or sets it as `shouldReact` says). */
  async react(p: ReactPayload): Promise<Empty> {
    const { message: msg, access } = await this.message(p.messageId, p.caller);
    if (!p.emoji) {
      throw RcError.failure('error-emoji-param-not-provided', 'The required "emoji" param is missing.');
    }
    const key = reactionKey(p.emoji);
    if (!isStandardEmoji(key)) {
      throw RcError.failure('error-not-allowed', 'Invalid emoji provided.', { method: 'setReaction' });
    }
    const { room, subscription } = access;
    if (room.muted?.includes(p.caller.username)) {
      throw RcError.failure('error-not-allowed', 'You have been muted and cannot speak in this room', {
        rid: room._id,
      });
    }
    if (
      room.ro &&
      !room.reactWhenReadOnly &&
      !(await this.access.hasPermission(p.caller, subscription, 'post-readonly'))
    ) {
      throw RcError.failure('error-not-allowed', "You can't send messages because the room is readonly.", {
        method: 'setReaction',
      });
    }
    const reactions = (msg.reactions ?? {}) as Record<string, { usernames: string[] }>;
    const reacted = !!reactions[key]?.usernames.includes(p.caller.username);
    if (p.shouldReact !== undefined && reacted === p.shouldReact) {
      return {};
    }
    const field = `reactions.${key}`;
    if (reacted) {
      const left = reactions[key].usernames.filter((u) => u !== p.caller.username);
      await this.messages.updateOne(
        { _id: msg._id },
        left.length
          ? { $pull: { [`${field}.usernames`]: p.caller.username }, $set: { _updatedAt: new Date() } }
          : { $unset: { [field]: 1 }, $set: { _updatedAt: new Date() } },
      );
      if (!left.length) {
        // the last reaction gone: no `reactions` at all (Rocket.Chat's unsetReactions)
        await this.messages.updateOne({ _id: msg._id, reactions: {} }, { $unset: { reactions: 1 } });
      }
    } else {
      await this.messages.updateOne(
        { _id: msg._id },
        { $addToSet: { [`${field}.usernames`]: p.caller.username }, $set: { _updatedAt: new Date() } },
      );
    }
    return {};
  }

  /** chat.reportMessage: stored for the moderators (`rocketchat_moderation_reports`). */
  async report(p: ReportPayload): Promise<Empty> {
    if (!p.description?.trim()) {
      throw RcError.plain('The required "description" param is missing.');
    }
    const { message: msg, access } = await this.readableMessages.find(p.messageId, p.caller, () =>
      RcError.failure('error-invalid-message', 'Invalid message', { method: 'reportMessage' }),
    );
    await this.reports.insert({
      _id: randomId(),
      message: msg,
      description: p.description,
      room: { _id: access.room._id, name: access.room.name, fname: access.room.fname, t: access.room.t },
      reportedBy: { _id: p.caller._id, username: p.caller.username, name: p.caller.name },
      ts: new Date(),
      _hidden: false,
    });
    return {};
  }

  /** chat.followMessage / chat.unfollowMessage: the thread's `replies` (followers). */
  async follow(p: FollowPayload, follow: boolean): Promise<Empty> {
    const method = follow ? 'followMessage' : 'unfollowMessage';
    if (!(await this.settings.boolean('Threads_enabled', true))) {
      throw RcError.failure('error-not-allowed', 'not-allowed', { method });
    }
    const { message: msg } = await this.readableMessages.find(
      p.mid,
      p.caller,
      () => RcError.failure('error-invalid-message', 'Invalid message', { method }),
      { rid: 1, tmid: 1 },
    );
    const tmid = msg.tmid ?? msg._id;
    await this.messages.updateOne(
      { _id: tmid },
      follow ? { $addToSet: { replies: p.caller._id } } : { $pull: { replies: p.caller._id } },
    );
    if (!follow) {
      await this.rpc.emit(InternalPattern.RoomsThreadRead, { rid: msg.rid, userId: p.caller._id, tmid });
    }
    return {};
  }
}
