import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AVATARS_BUCKET } from '@app/contracts';
import { randomId } from '@app/database';
import { FileBucket, FileStorage } from '@app/storage';
import { Avatar } from './schemas/avatar.schema';

export interface StoredAvatar {
  _id: string;
  etag: string;
  type: string;
  size: number;
  uploadedAt: Date;
}

/**
 * Avatar images: the bytes in the storage bucket `rocketchat_avatars` (GridFS by default, so every replica
 * serves them), one record per image in `rocketchat_avatars` (Rocket.Chat's layout), with the same id. Records
 * are found by user id, so a renamed user keeps the image; the username is kept as the record's `name` as
 * Rocket.Chat does.
 */
@Injectable()
export class AvatarStore {
  readonly bucket: FileBucket;

  constructor(
    storage: FileStorage,
    @InjectModel(Avatar.name) private readonly avatars: Model<Avatar>,
  ) {
    this.bucket = storage.bucket(AVATARS_BUCKET);
  }

  /** Stores bytes (a downloaded `avatarUrl`) as the user's new image. */
  async save(user: { _id: string; username: string }, data: Buffer, type: string): Promise<StoredAvatar> {
    const file = await this.bucket.put(data, {
      filename: user.username,
      contentType: type,
      metadata: { userId: user._id },
    });
    return this.adopt(user, file.id, type, file.size);
  }

  /**
   * Makes a file already in the bucket (an upload the gateway streamed in) the user's image, then removes the
   * user's older ones. The bytes are there before the record, so a reader never finds a record without them.
   */
  async adopt(
    user: { _id: string; username: string },
    fileId: string,
    type: string,
    size: number,
  ): Promise<StoredAvatar> {
    const stored: StoredAvatar = { _id: fileId, etag: randomId(), type, size, uploadedAt: new Date() };
    await this.avatars.create({
      ...stored,
      name: user.username,
      userId: user._id,
      store: 'GridFS:Avatars',
      complete: true,
      _updatedAt: stored.uploadedAt,
    });
    // older images only: a concurrent upload that finished after this one keeps its image
    const older = await this.ownedBy(user);
    await this.delete(
      older
        .filter((a) => a._id !== stored._id && !(a.uploadedAt && a.uploadedAt > stored.uploadedAt))
        .map((a) => a._id),
    );
    return stored;
  }

  /** Removes every image of the user. */
  async removeAll(user: { _id: string }): Promise<void> {
    await this.delete((await this.ownedBy(user)).map((a) => a._id));
  }

  /** The user's current image record, if any. */
  async latest(userId: string): Promise<StoredAvatar | null> {
    return this.avatars
      .findOne({ userId }, { _id: 1, etag: 1, type: 1, size: 1, uploadedAt: 1 })
      .sort({ uploadedAt: -1 })
      .lean<StoredAvatar>();
  }

  private ownedBy(user: { _id: string }): Promise<{ _id: string; uploadedAt?: Date }[]> {
    return this.avatars
      .find({ userId: user._id }, { _id: 1, uploadedAt: 1 })
      .lean<{ _id: string; uploadedAt?: Date }[]>();
  }

  private async delete(ids: string[]): Promise<void> {
    for (const id of ids) {
      await this.avatars.deleteOne({ _id: id });
      await this.bucket.delete(id);
    }
  }
}
