import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { mongo } from 'mongoose';
import { randomId } from '@app/database';
import { FileBucket, FileStorage, PutOptions, StoredFile } from './file-storage';
import { ByteLimit } from './limit-stream';

/** GridFS ids are typed as ObjectIds, but any value works; Rocket.Chat uses its string ids. */
const gridId = (id: string) => id as unknown as mongo.ObjectId;

interface GridFile {
  _id: string;
  filename: string;
  length: number;
  uploadDate: Date;
  metadata?: { contentType?: string; [k: string]: unknown };
}

function toStored(f: GridFile): StoredFile {
  const { contentType, ...metadata } = f.metadata ?? {};
  return {
    id: String(f._id),
    filename: f.filename,
    contentType: contentType ?? 'application/octet-stream',
    size: f.length,
    uploadedAt: f.uploadDate,
    metadata,
  };
}

class GridFsBucket implements FileBucket {
  constructor(private readonly bucket: () => Promise<mongo.GridFSBucket>) {}

  async put(source: Readable | Buffer, options: PutOptions): Promise<StoredFile> {
    const id = options.id ?? randomId();
    const bucket = await this.bucket();
    const upload = bucket.openUploadStreamWithId(gridId(id), options.filename, {
      metadata: { ...options.metadata, contentType: options.contentType },
    });
    const limit = new ByteLimit(options.maxBytes);
    try {
      await pipeline(Buffer.isBuffer(source) ? Readable.from([source]) : source, limit, upload);
    } catch (err) {
      await upload.abort().catch(() => undefined);
      await this.delete(id);
      throw err;
    }
    return {
      id,
      filename: options.filename,
      contentType: options.contentType,
      size: limit.bytes,
      uploadedAt: new Date(),
      metadata: options.metadata,
    };
  }

  async open(id: string): Promise<{ file: StoredFile; stream: Readable } | null> {
    const file = await this.stat(id);
    return file ? { file, stream: (await this.bucket()).openDownloadStream(gridId(id)) } : null;
  }

  async stat(id: string): Promise<StoredFile | null> {
    const [file] = (await (
      await this.bucket()
    )
      .find({ _id: gridId(id) }, { limit: 1 })
      .toArray()) as unknown as GridFile[];
    return file ? toStored(file) : null;
  }

  async delete(id: string): Promise<void> {
    await (await this.bucket()).delete(gridId(id)).catch((err: Error) => {
      if (!/not found/i.test(err.message)) {
        throw err;
      }
    });
  }
}

/** GridFS on MONGO_URL: `<bucket>.files` + `<bucket>.chunks`, as Rocket.Chat's GridFS stores keep them. */
export class GridFsStorage extends FileStorage {
  private client?: Promise<mongo.MongoClient>;
  private readonly buckets = new Map<string, GridFsBucket>();

  constructor(private readonly mongoUrl: string) {
    super();
  }

  private db(): Promise<mongo.Db> {
    this.client ??= new mongo.MongoClient(this.mongoUrl, { maxPoolSize: 10, serverSelectionTimeoutMS: 5000 })
      .connect()
      .catch((err: unknown) => {
        this.client = undefined;
        throw err;
      });
    return this.client.then((c) => c.db());
  }

  bucket(name: string): FileBucket {
    let bucket = this.buckets.get(name);
    if (!bucket) {
      let instance: mongo.GridFSBucket | undefined;
      bucket = new GridFsBucket(
        async () => (instance ??= new mongo.GridFSBucket(await this.db(), { bucketName: name })),
      );
      this.buckets.set(name, bucket);
    }
    return bucket;
  }

  async close(): Promise<void> {
    const client = await this.client?.catch(() => undefined);
    await client?.close();
  }
}
