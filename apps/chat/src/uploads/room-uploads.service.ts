import { Injectable } from '@nestjs/common';
import {
  AuthUser,
  FileAccessPayload,
  FileAccessResult,
  FileMessageFields,
  FileMessageResult,
  IMessage,
  IUpload,
  MediaConfirmPayload,
  RoomAccessSnapshot,
  RoomMediaPayload,
  RoomMediaResult,
  RoomUploadPayload,
  UPLOADS_BUCKET,
} from '@app/contracts';
import { RcError } from '@app/envelope';
import { SettingsReader } from '@app/settings';
import { FileStorage } from '@app/storage';
import { messageIdFor } from '../messages/message-id';
import { MessagesService } from '../messages/messages.service';
import type { RoomAccess } from '../room-access/room-access.service';
import { RoomAccessService } from '../room-access/room-access.service';
import { SendAccessService } from '../room-access/send-access.service';
import { fileMessageParts } from './file-message';
import { UNCONFIRMED_UPLOAD_TTL_MS, UploadsService } from './uploads.service';

const MESSAGE_SETTINGS = { Message_MaxAllowedSize: 5000, FileUpload_Enabled_Direct: true };
const FILE_ROUTE_SETTINGS = {
  FileUpload_ProtectFiles: true,
  FileUpload_Restrict_to_room_members: true,
  FileUpload_Restrict_to_users_who_can_access_room: false,
};

/**
 * Files posted to rooms (Rocket.Chat's rooms.upload, rooms.media + rooms.mediaConfirm and sendFileMessage): the
 * gateway has stored the bytes; here the caller's access to the room is decided (403 otherwise, as Rocket.Chat's
 * canAccessRoom), the upload is filed and its message written through the one message writer, with Rocket.Chat's
 * `file`, `files` and attachment. A refused upload leaves neither record nor bytes. Also who may download a file.
 */
@Injectable()
export class RoomUploadsService {
  constructor(
    private readonly uploads: UploadsService,
    private readonly rooms: RoomAccessService,
    private readonly send: SendAccessService,
    private readonly messages: MessagesService,
    private readonly settings: SettingsReader,
    private readonly storage: FileStorage,
  ) {}

  /** rooms.upload/:rid: the file and its message at once. */
  async upload(p: RoomUploadPayload, callId: string): Promise<FileMessageResult> {
    return this.refusalDiscards(p.file.fileId, async () => {
      const access = await this.roomOf(p.rid, p.caller);
      await this.checkMessage(access.room, p);
      const target = await this.send.open({ roomId: access.room._id }, p.caller);
      const upload = await this.uploads.file(p.file, access.room._id, p.caller._id, { description: p.description });
      return { message: await this.post(target, p.caller, upload, p, callId) };
    });
  }

  /** rooms.media/:rid: the file alone, unconfirmed (unlisted, removed after a day) until rooms.mediaConfirm. */
  async media(p: RoomMediaPayload): Promise<RoomMediaResult> {
    return this.refusalDiscards(p.file.fileId, async () => {
      const access = await this.roomOf(p.rid, p.caller);
      await this.checkRoomTakesFiles(access.room);
      const upload = await this.uploads.file(p.file, access.room._id, p.caller._id, {
        expiresAt: new Date(Date.now() + UNCONFIRMED_UPLOAD_TTL_MS),
      });
      return { file: { _id: upload._id, url: upload.path } };
    });
  }

  /** rooms.mediaConfirm/:rid/:fileId: the message of the caller's unconfirmed upload to this room. */
  async mediaConfirm(p: MediaConfirmPayload, callId: string): Promise<FileMessageResult> {
    const access = await this.roomOf(p.rid, p.caller);
    const upload = await this.uploads.findById(p.fileId);
    if (
      !upload ||
      upload.rid !== access.room._id ||
      upload.userId !== p.caller._id ||
      !upload.expiresAt ||
      new Date(upload.expiresAt).getTime() <= Date.now()
    ) {
      throw RcError.failure('invalid-file');
    }
    await this.checkMessage(access.room, p);
    const target = await this.send.open({ roomId: access.room._id }, p.caller);
    await this.uploads.confirm(upload._id, p.description);
    try {
      const described = p.description !== undefined ? { ...upload, description: p.description } : upload;
      return { message: await this.post(target, p.caller, described, p, callId) };
    } catch (err) {
      if (err instanceof RcError) {
        // not posted: the upload waits for another confirmation
        await this.uploads.unconfirm(upload._id);
      }
      throw err;
    }
  }

  /**
   * The file route's rule (Rocket.Chat's requestCanAccessFiles): with `FileUpload_ProtectFiles` only a logged-in
   * caller, and then, by `FileUpload_Restrict_to_room_members` / `..._to_users_who_can_access_room`, only the
   * room's members or those who may see the room (both on: nobody).
   */
  async fileAccess(p: FileAccessPayload): Promise<FileAccessResult> {
    const upload = await this.uploads.findById(p.fileId);
    if (!upload) {
      return { status: 'not-found' };
    }
    const rules = await this.settings.view(FILE_ROUTE_SETTINGS);
    const allowed = await this.mayRead(upload, p.caller, rules);
    if (!allowed) {
      return { status: 'forbidden' };
    }
    return {
      status: 'ok',
      file: {
        _id: upload._id,
        name: upload.name ?? upload._id,
        type: upload.type ?? 'application/octet-stream',
        size: upload.size ?? 0,
        ...(upload.uploadedAt ? { uploadedAt: new Date(upload.uploadedAt).toISOString() } : {}),
      },
    };
  }

  private async mayRead(
    upload: IUpload,
    caller: AuthUser | undefined,
    rules: Readonly<typeof FILE_ROUTE_SETTINGS>,
  ): Promise<boolean> {
    if (!rules.FileUpload_ProtectFiles) {
      return true;
    }
    if (!caller) {
      return false;
    }
    const membersOnly = rules.FileUpload_Restrict_to_room_members;
    const whoCanAccess = rules.FileUpload_Restrict_to_users_who_can_access_room;
    if (!upload.rid || (!membersOnly && !whoCanAccess)) {
      return true;
    }
    if (membersOnly && whoCanAccess) {
      return false;
    }
    const access = await this.rooms.accessible(upload.rid, caller);
    return membersOnly ? !!access?.subscription : !!access;
  }

  /** The room, when the caller may see it (Rocket.Chat's canAccessRoomId): else 403. */
  private async roomOf(rid: string, caller: AuthUser): Promise<RoomAccess> {
    const access = await this.rooms.accessible(rid, caller);
    if (!access) {
      throw RcError.forbidden();
    }
    return access;
  }

  /** `FileUpload_Enabled_Direct`: direct messages may refuse files. */
  private async checkRoomTakesFiles(room: RoomAccessSnapshot): Promise<void> {
    const limits = await this.settings.view(MESSAGE_SETTINGS);
    if (room.t === 'd' && !limits.FileUpload_Enabled_Direct) {
      throw RcError.failure(
        'error-direct-message-file-upload-not-allowed',
        'File sharing not allowed in direct messages.',
      );
    }
  }

  /** The description and the text fit `Message_MaxAllowedSize`, the room takes files. */
  private async checkMessage(room: RoomAccessSnapshot, fields: FileMessageFields): Promise<void> {
    const limits = await this.settings.view(MESSAGE_SETTINGS);
    if ((fields.description?.length ?? 0) > limits.Message_MaxAllowedSize) {
      throw RcError.failure('error-message-size-exceeded');
    }
    await this.checkRoomTakesFiles(room);
    if ((fields.msg?.length ?? 0) > limits.Message_MaxAllowedSize) {
      throw RcError.failure('error-message-size-exceeded', 'Message size exceeds Message_MaxAllowedSize', {
        method: 'sendMessage',
      });
    }
  }

  /** The file message (its id derived from the call, so a redelivered call writes it once). */
  private post(
    target: RoomAccess,
    caller: AuthUser,
    upload: IUpload,
    fields: FileMessageFields,
    callId: string,
  ): Promise<IMessage> {
    const parts = fileMessageParts(upload);
    return this.messages.store(target, caller, {
      _id: messageIdFor(callId),
      msg: fields.msg ?? '',
      tmid: fields.tmid,
      groupable: false,
      attachments: parts.attachments,
      extra: { file: parts.file, files: parts.files },
    });
  }

  /** Runs `work`; when it refuses (an RcError), the stored file goes, record and bytes. */
  private async refusalDiscards<T>(fileId: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof RcError) {
        await this.uploads.remove({ _id: fileId });
        await this.storage.bucket(UPLOADS_BUCKET).delete(fileId);
      }
      throw err;
    }
  }
}
