/** Rocket.Chat's IUpload (`rocketchat_uploads`): a file posted to a room; its bytes live in the storage bucket. */
export interface IUpload {
  _id: string;
  rid: string;
  userId: string;
  name: string;
  type: string;
  size: number;
  /** the media type's first part (`image`, `audio`, `video`, `application`, ...) */
  typeGroup: string;
  /** `GridFS:Uploads` or `FileSystem:Uploads` */
  store: string;
  /** the name's extension, lower case, without the dot (`''` when none) */
  extension: string;
  complete: boolean;
  uploading: boolean;
  progress: number;
  /** the file route: `/file-upload/<_id>/<encoded name>` */
  path: string;
  url: string;
  description?: string;
  uploadedAt: Date;
  _updatedAt: Date;
  /** a rooms.media upload not yet confirmed (rooms.mediaConfirm): removed after this date */
  expiresAt?: Date;
  /** its message was deleted and kept as history */
  _hidden?: boolean;
}
