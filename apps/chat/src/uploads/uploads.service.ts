import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { FilterQuery } from 'mongoose';
import { APP_ENV, SharedEnv } from '@app/config';
import { IUpload, UploadedFileRef, UPLOADS_BUCKET, UploadsPattern, UploadView } from '@app/contracts';
import { FindOptions } from '@app/database';
import { FileStorage } from '@app/storage';
import { RpcClient } from '@app/transport';
import { extensionOf, typeGroupOf, uploadPath } from './file-message';
import { UploadDoc, UploadsRepository } from './uploads.repository';

export { UPLOADS_BUCKET };

/** How long a rooms.media upload waits for its rooms.mediaConfirm (Rocket.Chat: 24 hours). */
export const UNCONFIRMED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
/** How often each replica removes the unconfirmed uploads that expired. */
const SWEEP_EVERY_MS = 15 * 60 * 1000;

/**
 * What a room's file list shows (channels.files, groups.files, im.files): no thumbnails, no file of a message
 * kept as deleted history, no upload still waiting for its confirmation, no incomplete upload.
 */
export const LISTED_UPLOADS: FilterQuery<UploadDoc> = {
  typeGroup: { $ne: 'thumb' },
  _hidden: { $ne: true },
  expiresAt: { $exists: false },
  complete: { $ne: false },
};

/**
 * Room uploads: their records in `rocketchat_uploads` and their bytes in the storage bucket of that name (the
 * gateway streams them in; the record's `_id` is the stored file's id). Unconfirmed uploads expire.
 */
@Injectable()
export class UploadsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(UploadsService.name);
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly uploads: UploadsRepository,
    private readonly storage: FileStorage,
    private readonly rpc: RpcClient,
    @Inject(APP_ENV) private readonly env: SharedEnv,
  ) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => {
      this.removeExpired().catch((err: Error) => this.logger.warn(`sweeping unconfirmed uploads: ${err.message}`));
    }, SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  /**
   * Files a stored file as an upload of `rid` by `userId` (Rocket.Chat's record), unconfirmed until `expiresAt`
   * when given. Filing the same file again (a redelivered call) keeps the first record.
   */
  async file(
    stored: UploadedFileRef,
    rid: string,
    userId: string,
    extra: { description?: string; expiresAt?: Date } = {},
  ): Promise<IUpload> {
    const now = new Date();
    const path = uploadPath(stored.fileId, stored.filename);
    const doc: IUpload = {
      _id: stored.fileId,
      rid,
      userId,
      name: stored.filename,
      type: stored.contentType,
      size: stored.size,
      typeGroup: typeGroupOf(stored.contentType),
      store: `${this.env.FILE_STORAGE}:Uploads`,
      extension: extensionOf(stored.filename),
      complete: true,
      uploading: false,
      progress: 1,
      path,
      url: path,
      uploadedAt: now,
      _updatedAt: now,
      ...(extra.description !== undefined ? { description: extra.description } : {}),
      ...(extra.expiresAt ? { expiresAt: extra.expiresAt } : {}),
    };
    const { _id, ...fields } = doc;
    await this.uploads.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true });
    return (await this.uploads.findById<IUpload>(doc._id)) ?? doc;
  }

  findById(id: string): Promise<IUpload | null> {
    return this.uploads.findById<IUpload>(id);
  }

  /** Confirms an unconfirmed upload (it is listed from now on), with its description. */
  async confirm(id: string, description: string | undefined): Promise<void> {
    await this.uploads.updateOne(
      { _id: id },
      {
        $unset: { expiresAt: 1 },
        $set: { _updatedAt: new Date(), ...(description !== undefined ? { description } : {}) },
      },
    );
  }

  /** Makes a confirmed upload unconfirmed again (its message could not be written): it may be confirmed later. */
  async unconfirm(id: string): Promise<void> {
    await this.uploads.updateOne(
      { _id: id },
      { $set: { expiresAt: new Date(Date.now() + UNCONFIRMED_UPLOAD_TTL_MS), _updatedAt: new Date() } },
    );
  }

  /** A page of the room's listed uploads, each with its uploader (`user`), and how many there are. */
  async list(filter: FilterQuery<UploadDoc>, options: FindOptions<UploadDoc>): Promise<[UploadView[], number]> {
    const listed = { $and: [filter, LISTED_UPLOADS] };
    const [files, total] = await Promise.all([
      this.uploads.find<UploadView>(listed, options),
      this.uploads.count(listed),
    ]);
    return [await this.withUploaders(files), total];
  }

  private async withUploaders(files: UploadView[]): Promise<UploadView[]> {
    const ids = [...new Set(files.map((f) => f.userId).filter((id): id is string => typeof id === 'string'))];
    if (!ids.length) {
      return files;
    }
    const users = new Map((await this.rpc.send(UploadsPattern.UsersByIds, { ids })).map((u) => [u._id, u]));
    return files.map((f) => {
      const user = typeof f.userId === 'string' ? users.get(f.userId) : undefined;
      return user ? { ...f, user } : f;
    });
  }

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

  /** Removes the unconfirmed uploads whose time ran out (Rocket.Chat's temporary files clean-up). */
  removeExpired(now = new Date()): Promise<number> {
    return this.remove({ expiresAt: { $lt: now } });
  }

  /** Hides uploads whose message is kept as history (Rocket.Chat keeps their bytes). */
  async hide(ids: string[]): Promise<void> {
    await this.uploads.updateMany({ _id: { $in: ids } }, { $set: { _hidden: true } });
  }
}
