import { Injectable } from '@nestjs/common';
import {
  AuthUser,
  ChatDeletePayload,
  ChatDeleteResult,
  ChatUpdatePayload,
  IMessage,
  InternalPattern,
} from '@app/contracts';
import { randomId } from '@app/database';
import { RcError } from '@app/envelope';
import { SettingsReader } from '@app/settings';
import { RpcClient } from '@app/transport';
import { RoomAccess, RoomAccessService } from '../room-access/room-access.service';
import { SendAccessService } from '../room-access/send-access.service';
import { UploadsService } from '../uploads/uploads.service';
import { MessageComposer } from './message-composer.service';
import { MessagesRepository } from './messages.repository';
import { ReadableMessages } from './readable-messages.service';
import { ReadReceiptsRepository } from './read-receipts.repository';
import { TrashRepository } from './trash.repository';

const EDIT_SETTINGS = {
  Message_AllowEditing: true,
  Message_AllowEditing_BlockEditInMinutes: 0,
  Message_AllowDeleting: true,
  Message_AllowDeleting_BlockDeleteInMinutes: 0,
  Message_KeepHistory: false,
  Message_ShowDeletedStatus: false,
};

const minutesSince = (ts: Date | string) => (Date.now() - new Date(ts).getTime()) / 60_000;

/**
 * chat.update and chat.delete, with Rocket.Chat's rules: the author (while `Message_AllowEditing` /
 * `Message_AllowDeleting` and within the block-after minutes) or a holder of `edit-message` / `delete-message` /
 * `force-delete-message` in the room. Edits set `editedAt`/`editedBy` and keep the old text when
 * `Message_KeepHistory`; deletions go to the trash (for the sync endpoints) or leave a "removed" stub when
 * `Message_ShowDeletedStatus`.
 */
@Injectable()
export class MessageEditService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly trash: TrashRepository,
    private readonly receipts: ReadReceiptsRepository,
    private readonly access: RoomAccessService,
    private readonly readableMessages: ReadableMessages,
    private readonly send: SendAccessService,
    private readonly composer: MessageComposer,
    private readonly uploads: UploadsService,
    private readonly settings: SettingsReader,
    private readonly rpc: RpcClient,
  ) {}

  /** The message to change; one in a room the caller may not read is answered as one that does not exist. */
  private async target(
    msgId: string,
    roomId: string,
    caller: AuthUser,
  ): Promise<{ msg: IMessage; access: RoomAccess }> {
    const { message: msg, access } = await this.readableMessages.find(msgId, caller, () =>
      RcError.plain(`No message found with the id of "${msgId}".`),
    );
    if (roomId !== msg.rid) {
      throw RcError.plain('The room id provided does not match where the message is from.');
    }
    return { msg, access };
  }

  /** chat.update */
  async update(p: ChatUpdatePayload): Promise<{ message: IMessage }> {
    const { msg, access } = await this.target(p.msgId, p.roomId, p.caller);
    const s = await this.settings.view(EDIT_SETTINGS);
    const sub = access.subscription;
    const canEditAny = await this.access.hasPermission(p.caller, sub, 'edit-message');
    if (!canEditAny && (!s.Message_AllowEditing || msg.u._id !== p.caller._id)) {
      throw RcError.failure('error-action-not-allowed', 'Message editing not allowed', {
        method: 'updateMessage',
        action: 'Message_editing',
      });
    }
    const block = Number(s.Message_AllowEditing_BlockEditInMinutes) || 0;
    if (
      block > 0 &&
      minutesSince(msg.ts) >= block &&
      !(await this.access.hasPermission(p.caller, sub, 'bypass-time-limit-edit-and-delete'))
    ) {
      throw RcError.failure('error-message-editing-blocked', 'Message editing is blocked', { method: 'updateMessage' });
    }
    await this.send.assertCanSend(access, p.caller);
    if (msg.msg === p.text && !p.previewUrls) {
      return { message: msg };
    }
    const now = new Date();
    const editedBy = { _id: p.caller._id, username: p.caller.username };
    if (s.Message_KeepHistory) {
      await this.messages.insert({ ...msg, _id: randomId(), _hidden: true, parent: msg._id, editedAt: now, editedBy });
    }
    // a file message keeps its text as the file's description (Rocket.Chat)
    const attachments = msg.attachments;
    const describesFile = !!attachments?.length && attachments[0].description !== undefined;
    const text = describesFile ? msg.msg : p.text;
    const refs = await this.composer.refs(p.text, p.caller, { previewUrls: p.previewUrls });
    const updated = await this.messages.findOneAndUpdate(
      { _id: msg._id },
      {
        $set: {
          msg: text,
          editedAt: now,
          editedBy,
          _updatedAt: now,
          mentions: refs.mentions,
          channels: refs.channels,
          ...(refs.urls.length ? { urls: refs.urls } : {}),
          ...(describesFile ? { 'attachments.0.description': p.text } : {}),
        },
        ...(refs.urls.length ? {} : { $unset: { urls: 1 } }),
      },
    );
    const message = updated ?? msg;
    await this.rpc.emit(InternalPattern.RoomsMessageEdited, {
      rid: msg.rid,
      message: { _id: message._id, msg: message.msg, u: message.u, rid: message.rid, ts: message.ts },
    });
    return { message };
  }

  /** chat.delete */
  async delete(p: ChatDeletePayload): Promise<ChatDeleteResult> {
    const { msg, access } = await this.target(p.msgId, p.roomId, p.caller);
    const sub = access.subscription;
    const forceDelete = await this.access.hasPermission(p.caller, sub, 'force-delete-message');
    if (p.asUser && msg.u._id !== p.caller._id && !forceDelete) {
      throw RcError.plain(
        'Unauthorized. You must have the permission "force-delete-message" to delete other\'s message as them.',
      );
    }
    if (!forceDelete && !(await this.canDelete(msg, p.caller, access))) {
      throw RcError.failure('error-action-not-allowed', 'Not allowed');
    }
    await this.remove(msg, p.caller);
    return { _id: msg._id, ts: Date.now().toString(), message: { _id: msg._id, rid: msg.rid, u: msg.u } };
  }

  /** Rocket.Chat's canDeleteMessage (without `force-delete-message`). */
  private async canDelete(msg: IMessage, caller: AuthUser, access: RoomAccess): Promise<boolean> {
    const s = await this.settings.view(EDIT_SETTINGS);
    if (!s.Message_AllowDeleting) {
      return false;
    }
    const sub = access.subscription;
    const allowed =
      (await this.access.hasPermission(caller, sub, 'delete-message')) ||
      (msg.u._id === caller._id && (await this.access.hasPermission(caller, sub, 'delete-own-message')));
    if (!allowed) {
      return false;
    }
    const block = Number(s.Message_AllowDeleting_BlockDeleteInMinutes) || 0;
    if (
      block > 0 &&
      minutesSince(msg.ts) >= block &&
      !(await this.access.hasPermission(caller, sub, 'bypass-time-limit-edit-and-delete'))
    ) {
      return false;
    }
    if (access.room.ro && !(await this.access.hasPermission(caller, sub, 'post-readonly'))) {
      throw RcError.plain("You can't delete messages because the room is readonly.");
    }
    return true;
  }

  /** Rocket.Chat's deleteMessage: history, stub or trash; files; the thread's count; the room's last message. */
  async remove(message: IMessage, actor: AuthUser): Promise<void> {
    const s = await this.settings.view(EDIT_SETTINGS);
    const isThread = (message.tcount ?? 0) > 0;
    const keepHistory = s.Message_KeepHistory || isThread;
    const showDeleted = s.Message_ShowDeletedStatus || isThread;
    const now = new Date();
    const by = { _id: actor._id, username: actor.username };
    if (message.tmid) {
      await this.messages.updateOne({ _id: message.tmid }, { $inc: { tcount: -1 } });
    }
    const fileIds = [
      ...((message.files as { _id?: string }[] | undefined) ?? []),
      ...(message.file ? [message.file as { _id?: string }] : []),
    ]
      .map((f) => f._id)
      .filter((id): id is string => !!id);
    if (keepHistory) {
      if (showDeleted) {
        await this.messages.insert({
          ...message,
          _id: randomId(),
          _hidden: true,
          parent: message._id,
          editedAt: now,
          editedBy: by,
        });
      } else {
        await this.messages.updateOne({ _id: message._id }, { $set: { _hidden: true, _updatedAt: now } });
      }
      if (fileIds.length) {
        await this.uploads.hide(fileIds);
      }
    } else {
      if (!showDeleted) {
        await this.trash.keep(message, now);
        await this.messages.deleteOne({ _id: message._id });
      }
      await this.receipts.deleteMany({ messageId: message._id });
      if (fileIds.length) {
        await this.uploads.remove({ _id: { $in: fileIds } });
      }
    }
    if (showDeleted) {
      await this.messages.updateOne(
        { _id: message._id },
        {
          $set: {
            msg: '',
            t: 'rm',
            urls: [],
            mentions: [],
            attachments: [],
            reactions: {},
            editedAt: now,
            editedBy: by,
            _updatedAt: now,
          },
          $unset: { md: 1, blocks: 1, tshow: 1 },
        },
      );
    }
    const last = await this.messages.findOne(
      { rid: message.rid, _hidden: { $ne: true }, t: { $exists: false } },
      { _id: 1, msg: 1, u: 1, rid: 1, ts: 1 },
      { sort: { ts: -1 } },
    );
    await this.rpc.emit(InternalPattern.RoomsMessageRemoved, {
      rid: message.rid,
      messageId: message._id,
      lastMessage: last,
    });
  }
}
