import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { AVATAR_MAX_BYTES, AVATARS_BUCKET } from '@app/contracts';
import { RcError } from '@app/envelope';
import { FileStorage, FileTooLargeError } from '@app/storage';
import { bucketStorage, StoredPart } from '../platform/uploads/storage-engine';

const FILES_SEEN = Symbol('avatar-files-seen');

/** Rocket.Chat's upload rules: the one file part is `image`; a second file fails the request. */
const onlyOneImage: multer.Options['fileFilter'] = (req, file, callback) => {
  const request = req as { [FILES_SEEN]?: number };
  request[FILES_SEEN] = (request[FILES_SEEN] ?? 0) + 1;
  if (file.fieldname !== 'image') {
    callback(RcError.failure('invalid-field'));
  } else if (request[FILES_SEEN] > 1) {
    callback(RcError.plain('Just 1 file is allowed'));
  } else {
    callback(null, true);
  }
};

/** A failed multipart parse is the client's: Rocket.Chat's answer, or a plain 400 with the parser's reason. */
function uploadError(err: unknown): RcError {
  if (err instanceof RcError) {
    return err;
  }
  if (err instanceof FileTooLargeError) {
    return RcError.failure(
      'error-file-too-large',
      `File exceeds allowed size of ${AVATAR_MAX_BYTES / 1024 / 1024} MB.`,
    );
  }
  return RcError.plain((err as Error)?.message || 'Invalid multipart body');
}

/**
 * Parses a multipart users.setAvatar (JSON and form-encoded bodies pass untouched): text fields become the body,
 * the `image` part streams into the avatars bucket and `req.files[0].stored` names it. A file over
 * AVATAR_MAX_BYTES is cut off while it streams in and answered with Rocket.Chat's `error-file-too-large`; a
 * request that fails later removes what it stored (multer's storage clean-up).
 */
@Injectable()
export class AvatarUploadInterceptor implements NestInterceptor {
  private readonly parse: (req: Request, res: Response) => Promise<void>;

  constructor(storage: FileStorage) {
    const upload = multer({
      storage: bucketStorage(storage.bucket(AVATARS_BUCKET), AVATAR_MAX_BYTES),
      limits: { fields: 20, fieldSize: 64 * 1024, files: 2 },
      defParamCharset: 'utf8',
      fileFilter: onlyOneImage,
    }).any();
    this.parse = (req, res) =>
      new Promise((resolve, reject) =>
        upload(req, res, (err: unknown) => (err ? reject(uploadError(err)) : resolve())),
      );
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await this.parse(http.getRequest<Request>(), http.getResponse<Response>());
    return next.handle();
  }
}

/** multer leaves `files` undefined for a body that is not multipart, and `[]` for a form without a file. */
export function uploadOf(files: StoredPart[] | undefined) {
  if (!files) {
    return undefined;
  }
  return files[0]?.stored ?? null;
}
