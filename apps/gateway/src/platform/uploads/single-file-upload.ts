import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { UploadedFileRef } from '@app/contracts';
import { RcError } from '@app/envelope';
import { FileBucket, FileTooLargeError } from '@app/storage';
import { bucketStorage, StoredPart } from './storage-engine';

/** How a multipart request with one file part is read (Rocket.Chat's getUploadFormData with a `field`). */
export interface SingleFileOptions {
  /** the file part's field name; another name fails with `invalid-field` */
  field: string;
  /** more bytes than this fail while they stream in (undefined: no limit) */
  maxBytes?: number;
  /** refuses a part by its media type before any byte of it is stored */
  accept?: (contentType: string) => RcError | null;
  /** the failure for a file over `maxBytes` */
  tooLarge: () => RcError;
}

const FILES_SEEN = Symbol('single-file-seen');
const STORED = Symbol('single-file-stored');

type UploadRequest = Request & { [FILES_SEEN]?: number; [STORED]?: UploadedFileRef };

/** Rocket.Chat's answer when the body is not a multipart form (busboy's own words). */
function notMultipart(req: Request): RcError | null {
  const type = req.headers['content-type'];
  if (!type) {
    return RcError.plain('Missing Content-Type');
  }
  return /^multipart\/form-data\b/i.test(type) ? null : RcError.plain(`Unsupported content type: ${type}`);
}

function parseError(err: unknown, options: SingleFileOptions): RcError {
  if (err instanceof RcError) {
    return err;
  }
  if (err instanceof FileTooLargeError) {
    return options.tooLarge();
  }
  if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_COUNT') {
    return RcError.plain('Just 1 file is allowed');
  }
  return RcError.plain((err as Error)?.message || 'Invalid multipart body');
}

/**
 * Reads a multipart request: its text fields become `req.body`, its one file part streams straight into `bucket`
 * (never into memory or the transport). A second file, a part of another name or a refused media type fails the
 * request and removes what was stored (multer's storage clean-up); so does a file over `maxBytes`, cut off while
 * it streams in. Resolves with the stored file, or null when the form had no file part.
 */
export async function receiveSingleFile(
  bucket: FileBucket,
  req: Request,
  res: Response,
  options: SingleFileOptions,
): Promise<UploadedFileRef | null> {
  const refused = notMultipart(req);
  if (refused) {
    throw refused;
  }
  const upload = multer({
    storage: bucketStorage(bucket, options.maxBytes ?? Number.POSITIVE_INFINITY),
    limits: { fields: 20, fieldSize: 1024 * 1024, files: 2, parts: 40 },
    defParamCharset: 'utf8',
    fileFilter: (request, file, callback) => {
      const r = request as UploadRequest;
      r[FILES_SEEN] = (r[FILES_SEEN] ?? 0) + 1;
      if (file.fieldname !== options.field) {
        callback(RcError.failure('invalid-field'));
      } else if (r[FILES_SEEN] > 1) {
        callback(RcError.plain('Just 1 file is allowed'));
      } else {
        const refusal = options.accept?.(file.mimetype);
        if (refusal) {
          callback(refusal);
        } else {
          callback(null, true);
        }
      }
    },
  }).any();
  await new Promise<void>((resolve, reject) =>
    upload(req, res, (err: unknown) => (err ? reject(parseError(err, options)) : resolve())),
  );
  const stored = (req.files as StoredPart[] | undefined)?.[0]?.stored ?? null;
  if (stored) {
    (req as UploadRequest)[STORED] = stored;
  }
  return stored;
}

/** The file `receiveSingleFile` stored for this request (a route parameter). */
export const StoredUpload = createParamDecorator((_: unknown, ctx: ExecutionContext): UploadedFileRef | undefined => {
  return ctx.switchToHttp().getRequest<UploadRequest>()[STORED];
});
