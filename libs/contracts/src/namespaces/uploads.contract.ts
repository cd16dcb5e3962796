/**
 * Room uploads: rooms.upload/:rid, the two-step rooms.media/:rid + rooms.mediaConfirm/:rid/:fileId, and what the
 * file route (`GET /file-upload/:id/:name`) may serve. The gateway streams the bytes into the storage bucket
 * UPLOADS_BUCKET; these payloads carry the stored file's id, never its bytes.
 */
import type { AuthUser, CallerPayload } from '../common/types';
import type { IMessage, IUserRef } from '../documents';
import { CHAT_SERVICE, definePatterns, USERS_ROOMS_SERVICE } from '../registry';
import type { UploadedFileRef } from './users-avatar.contract';

export const UploadsPattern = definePatterns({
  Upload: { pattern: 'rooms.upload', service: CHAT_SERVICE },
  Media: { pattern: 'rooms.media', service: CHAT_SERVICE },
  MediaConfirm: { pattern: 'rooms.mediaConfirm', service: CHAT_SERVICE },
  /** may this caller (or an anonymous request) download this upload? */
  FileAccess: { pattern: 'uploads.fileAccess', service: CHAT_SERVICE },
  /** the uploaders of listed files (`channels.files`, `groups.files`): users by id, active or not */
  UsersByIds: { pattern: 'users.byIds', service: USERS_ROOMS_SERVICE },
});

/** The storage bucket of room uploads (GridFS `rocketchat_uploads.files/.chunks`, as Rocket.Chat keeps them). */
export const UPLOADS_BUCKET = 'rocketchat_uploads';

/** How long the gateway waits for chat to file an upload (the bytes are already stored by then). */
export const UPLOAD_RPC_TIMEOUT_MS = 15000;

/** The message fields a file message accepts with its file (Rocket.Chat's `msgData`, the ones served here). */
export interface FileMessageFields {
  /** the message text */
  msg?: string;
  /** the file's description (the attachment's `description`), at most `Message_MaxAllowedSize` characters */
  description?: string;
  /** a thread to post into */
  tmid?: string;
}

export interface RoomUploadPayload extends CallerPayload, FileMessageFields {
  rid: string;
  /** the `file` part, already in UPLOADS_BUCKET */
  file: UploadedFileRef;
}

export interface RoomMediaPayload extends CallerPayload {
  rid: string;
  file: UploadedFileRef;
}

export interface RoomMediaResult {
  file: { _id: string; url: string };
}

export interface MediaConfirmPayload extends CallerPayload, FileMessageFields {
  rid: string;
  fileId: string;
}

export interface FileMessageResult {
  message: IMessage;
}

export interface FileAccessPayload {
  fileId: string;
  /** the caller resolved from headers, cookies or query (`rc_uid` / `rc_token`); absent when none was valid */
  caller?: AuthUser;
}

/** What the file route sends about a file it may serve. */
export interface ServedFile {
  _id: string;
  name: string;
  type: string;
  size: number;
  /** ISO date */
  uploadedAt?: string;
}

export type FileAccessResult = { status: 'not-found' } | { status: 'forbidden' } | { status: 'ok'; file: ServedFile };

declare module '../registry' {
  interface RcContract {
    [UploadsPattern.Upload]: { payload: RoomUploadPayload; result: FileMessageResult };
    [UploadsPattern.Media]: { payload: RoomMediaPayload; result: RoomMediaResult };
    [UploadsPattern.MediaConfirm]: { payload: MediaConfirmPayload; result: FileMessageResult };
    [UploadsPattern.FileAccess]: { payload: FileAccessPayload; result: FileAccessResult };
    [UploadsPattern.UsersByIds]: { payload: { ids: string[] }; result: IUserRef[] };
  }
}
