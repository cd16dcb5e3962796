import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { UPLOADS_BUCKET, UploadedFileRef } from '@app/contracts';
import { RcError } from '@app/envelope';
import { SettingsReader } from '@app/settings';
import { FileBucket, FileStorage } from '@app/storage';
import { receiveSingleFile } from '../platform/uploads/single-file-upload';
import { isAcceptedMediaType, maxUploadBytes, UPLOAD_SETTINGS } from './upload-rules';

/**
 * rooms.upload and rooms.media: the multipart form's `file` part streams into the uploads bucket under
 * Rocket.Chat's rules (`FileUpload_Enabled`, `FileUpload_MaxFileSize`, the media type lists), its text fields
 * become the body. When the request then fails with an answer (a refused field, a room the caller may not post
 * to), the stored file is removed; a service that did not answer in time or failed unexpectedly leaves it, as
 * its message may exist.
 */
@Injectable()
export class RoomUploadInterceptor implements NestInterceptor {
  private readonly logger = new Logger(RoomUploadInterceptor.name);
  private readonly bucket: FileBucket;

  constructor(
    storage: FileStorage,
    private readonly settings: SettingsReader,
  ) {
    this.bucket = storage.bucket(UPLOADS_BUCKET);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const rules = await this.settings.view(UPLOAD_SETTINGS);
    if (!rules.FileUpload_Enabled) {
      throw RcError.failure('error-file-upload-disabled', 'File uploads are disabled.');
    }
    const stored = await receiveSingleFile(this.bucket, http.getRequest<Request>(), http.getResponse<Response>(), {
      field: 'file',
      maxBytes: maxUploadBytes(rules.FileUpload_MaxFileSize),
      accept: (type) =>
        isAcceptedMediaType(type, rules.FileUpload_MediaTypeWhiteList, rules.FileUpload_MediaTypeBlackList)
          ? null
          : RcError.failure('error-invalid-file-type', 'File type is not accepted.'),
      tooLarge: () => RcError.failure('error-file-too-large'),
    });
    if (!stored) {
      throw RcError.failure('No file uploaded');
    }
    return next
      .handle()
      .pipe(catchError((err: unknown) => from(this.discard(stored, err)).pipe(mergeMap(() => throwError(() => err)))));
  }

  private async discard(stored: UploadedFileRef, err: unknown): Promise<void> {
    // an answer (RcError) means nothing refers to the file; anything else may have come after its message
    if (!(err instanceof RcError) || err.payload.kind === 'unavailable') {
      return;
    }
    await this.bucket.delete(stored.fileId).catch((e: Error) => {
      this.logger.warn(`could not remove refused upload ${stored.fileId}: ${e.message}`);
    });
  }
}
