import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { Readable } from 'node:stream';
import type { UploadedFileRef } from '@app/contracts';
import { FileBucket } from '@app/storage';

/** A file part as it lands in storage: multer's description plus the stored file's reference. */
export interface StoredPart extends Express.Multer.File {
  stored: UploadedFileRef;
}

/**
 * A multer storage engine that streams each file part straight into a storage bucket (never into memory or the
 * transport), refusing parts over `maxBytes` while they stream in.
 */
export function bucketStorage(bucket: FileBucket, maxBytes: number): StorageEngine {
  return {
    _handleFile(_req: Request, file: Express.Multer.File & { stream: Readable }, callback) {
      bucket
        .put(file.stream, { filename: file.originalname, contentType: file.mimetype, maxBytes })
        .then((stored) =>
          callback(null, {
            size: stored.size,
            stored: {
              fileId: stored.id,
              contentType: file.mimetype,
              filename: file.originalname,
              size: stored.size,
            },
          } as Partial<StoredPart>),
        )
        .catch((err: Error) => callback(err));
    },
    _removeFile(_req: Request, file: Express.Multer.File, callback) {
      const stored = (file as Partial<StoredPart>).stored;
      if (!stored) {
        callback(null);
        return;
      }
      bucket
        .delete(stored.fileId)
        .then(() => callback(null))
        .catch((err: Error) => callback(err));
    },
  };
}
