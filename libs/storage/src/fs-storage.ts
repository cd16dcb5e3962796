import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomId } from '@app/database';
import { FileBucket, FileStorage, PutOptions, StoredFile } from './file-storage';
import { ByteLimit } from './limit-stream';

const SAFE_ID = /^[\w-]{1,64}$/;

class FsBucket implements FileBucket {
  constructor(private readonly dir: string) {}

  private paths(id: string): { data: string; meta: string } | null {
    return SAFE_ID.test(id) ? { data: join(this.dir, id), meta: join(this.dir, `${id}.json`) } : null;
  }

  async put(source: Readable | Buffer, options: PutOptions): Promise<StoredFile> {
    const id = options.id ?? randomId();
    const paths = this.paths(id);
    if (!paths) {
      throw new Error(`invalid file id ${id}`);
    }
    await mkdir(this.dir, { recursive: true });
    const partial = `${paths.data}.part`;
    const limit = new ByteLimit(options.maxBytes);
    try {
      await pipeline(Buffer.isBuffer(source) ? Readable.from([source]) : source, limit, createWriteStream(partial));
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    const stored: StoredFile = {
      id,
      filename: options.filename,
      contentType: options.contentType,
      size: limit.bytes,
      uploadedAt: new Date(),
      metadata: options.metadata,
    };
    await writeFile(paths.meta, JSON.stringify(stored));
    await rename(partial, paths.data);
    return stored;
  }

  async open(id: string): Promise<{ file: StoredFile; stream: Readable } | null> {
    const paths = this.paths(id);
    const file = paths && (await this.stat(id));
    return paths && file ? { file, stream: createReadStream(paths.data) } : null;
  }

  async stat(id: string): Promise<StoredFile | null> {
    const paths = this.paths(id);
    if (!paths) {
      return null;
    }
    try {
      const stored = JSON.parse(await readFile(paths.meta, 'utf8')) as StoredFile;
      return { ...stored, uploadedAt: new Date(stored.uploadedAt) };
    } catch {
      return null;
    }
  }

  async delete(id: string): Promise<void> {
    const paths = this.paths(id);
    if (paths) {
      await rm(paths.data, { force: true });
      await rm(paths.meta, { force: true });
    }
  }
}

/**
 * Files under a directory, one folder per bucket (`<root>/<bucket>/<id>` + `<id>.json`). With several replicas
 * the directory must be shared by all of them (a volume every pod mounts).
 */
export class FileSystemStorage extends FileStorage {
  constructor(private readonly root: string) {
    super();
  }

  bucket(name: string): FileBucket {
    return new FsBucket(join(this.root, name.replace(/[^\w.-]/g, '_')));
  }

  async close(): Promise<void> {
    // nothing held open
  }
}
