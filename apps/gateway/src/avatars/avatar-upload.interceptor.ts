import { CallHandler, ExecutionContext, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { AnyFilesInterceptor, MulterModuleOptions } from '@nestjs/platform-express';
import { Observable } from 'rxjs';
import { AVATAR_MAX_BYTES } from '@app/contracts';
import { RcError } from '@app/envelope';

/** A file part as multer's memory storage keeps it. */
export interface UploadedPart {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

const FILES_SEEN = Symbol('avatar-files-seen');

/** Rocket.Chat's upload rules: the one file part is `image`; a second file fails the request. */
const onlyOneImage: NonNullable<MulterModuleOptions['fileFilter']> = (req, file, callback) => {
  const request = req as { [FILES_SEEN]?: number };
  request[FILES_SEEN] = (request[FILES_SEEN] ?? 0) + 1;
  if (file.fieldname !== 'image') {
    callback(RcError.failure('invalid-field'), false);
  } else if (request[FILES_SEEN] > 1) {
    callback(RcError.plain('Just 1 file is allowed'), false);
  } else {
    callback(null, true);
  }
};

const MultipartParser = AnyFilesInterceptor({
  // no storage given: multer keeps the file in memory, bounded by fileSize
  limits: { fileSize: AVATAR_MAX_BYTES, fields: 20, fieldSize: 64 * 1024 },
  defParamCharset: 'utf8',
  fileFilter: onlyOneImage,
});

/**
 * Parses a multipart users.setAvatar (JSON and form-encoded bodies pass untouched): text fields become the body,
 * the `image` part `req.files[0]`. A file over AVATAR_MAX_BYTES is cut off while it streams in and answered
 * with Rocket.Chat's `error-file-too-large`.
 */
@Injectable()
export class AvatarUploadInterceptor extends MultipartParser {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return (await super.intercept(context, next)) as Observable<unknown>;
    } catch (err) {
      if (err instanceof PayloadTooLargeException) {
        throw RcError.failure(
          'error-file-too-large',
          `File exceeds allowed size of ${AVATAR_MAX_BYTES / 1024 / 1024} MB.`,
        );
      }
      throw err;
    }
  }
}
