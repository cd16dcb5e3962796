import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model, mongo } from 'mongoose';
import { randomId } from '@app/database';
import { Avatar } from './schemas/avatar.schema';

export const AVATARS_BUCKET = 'rocketchat_avatars';

/** GridFS ids are typed as ObjectIds, but any value works; Rocket.Chat uses its string ids. */
const gridId = (id: string) => id as unknown as mongo.ObjectId;

export interface StoredAvatar {
  _id: string;
  etag: string;
  type: string;
  size: number;
  uploadedAt: Date;
}

/**
 * Avatar images in MongoDB, so every replica serves them: the bytes in the GridFS bucket `rocketchat_avatars`,
 * one record per image in `rocketchat_avatars` (Rocket.Chat's layout). Records are found by user id, so a
 * renamed user keeps the image; the username is kept as the record's `name` as Rocket.Chat does.
 */
@Injectable()
export class AvatarStore {
  private bucketInstance?: mongo.GridFSBucket;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel(Avatar.name) private readonly avatars: Model<Avatar>,
  ) {}

  private get bucket(): mongo.GridFSBucket {
    this.bucketInstance ??= new mongo.GridFSBucket(this.connection.db!, { bucketName: AVATARS_BUCKET });
    return this.bucketInstance;
  }

  /**
   * Stores a new image for the user, then removes the user's older ones. The bytes are written before the
   * record, so a reader never finds a record without its bytes.
   */
  async save(user: { _id: string; username: string }, data: Buffer, type: string): Promise<StoredAvatar> {
    const stored: StoredAvatar = { _id: randomId(), etag: randomId(), type, size: data.length, uploadedAt: new Date() };
    await new Promise<void>((resolve, reject) => {
      const upload = this.bucket.openUploadStreamWithId(gridId(stored._id), user.username, {
        metadata: { userId: user._id, type, etag: stored.etag },
      });
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(data);
    });
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

  /** The bytes of an image, or undefined when they are gone. */
  async read(id: string): Promise<Buffer | undefined> {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of this.bucket.openDownloadStream(gridId(id))) {
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks);
    } catch (err) {
      if (/not found/i.test((err as Error).message)) {
        return undefined;
      }
      throw err;
    }
  }

  private ownedBy(user: { _id: string }): Promise<{ _id: string; uploadedAt?: Date }[]> {
    return this.avatars
      .find({ userId: user._id }, { _id: 1, uploadedAt: 1 })
      .lean<{ _id: string; uploadedAt?: Date }[]>();
  }

  private async delete(ids: string[]): Promise<void> {
    for (const id of ids) {
      await this.avatars.deleteOne({ _id: id });
      await this.bucket.delete(gridId(id)).catch((err: Error) => {
        if (!/not found/i.test(err.message)) {
          throw err;
        }
      });
    }
  }
}
