import { Injectable } from '@nestjs/common';
import type { FilterQuery } from 'mongoose';
import { FileStorage } from '@app/storage';
import { UploadDoc, UploadsRepository } from './uploads.repository';

/** The storage bucket holding the bytes of room uploads (Rocket.Chat's store of the same name). */
export const UPLOADS_BUCKET = 'rocketchat_uploads';

/** Room uploads: their records in `rocketchat_uploads` and their bytes in the storage bucket. */
@Injectable()
export class UploadsService {
  constructor(
    private readonly uploads: UploadsRepository,
    private readonly storage: FileStorage,
  ) {}

  /** Removes the matching uploads, records and bytes; answers how many there were. */
  async remove(filter: FilterQuery<UploadDoc>): Promise<number> {
    const docs = await this.uploads.find<{ _id: string }>(filter, { projection: { _id: 1 } });
    if (!docs.length) {
      return 0;
    }
    const bucket = this.storage.bucket(UPLOADS_BUCKET);
    // bytes first: a record left by a crash can be removed again, bytes without a record could not be found
    await Promise.all(docs.map((d) => bucket.delete(d._id)));
    await this.uploads.deleteMany({ _id: { $in: docs.map((d) => d._id) } });
    return docs.length;
  }

  /** Hides uploads whose message is kept as history (Rocket.Chat keeps their bytes). */
  async hide(ids: string[]): Promise<void> {
    await this.uploads.updateMany({ _id: { $in: ids } }, { $set: { _hidden: true } });
  }
}
