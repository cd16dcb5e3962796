import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileStorage, FileTooLargeError, readAll } from './file-storage';
import { FileSystemStorage } from './fs-storage';
import { GridFsStorage } from './gridfs-storage';

const dir = mkdtempSync(join(tmpdir(), 'rc-storage-'));

describe.each([
  ['GridFS', () => new GridFsStorage(`${process.env.INT_MONGO_URL}/rc_int_storage`)],
  ['FileSystem', () => new FileSystemStorage(dir)],
])('%s storage', (_name, make) => {
  let storage: FileStorage;

  beforeAll(() => {
    storage = make();
  });

  afterAll(async () => {
    await storage.close();
  });

  it('stores a stream, reads it back byte for byte, and deletes it', async () => {
    const bucket = storage.bucket('rocketchat_uploads');
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
    const stored = await bucket.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), {
      filename: 'a.bin',
      contentType: 'application/octet-stream',
      metadata: { rid: 'r1' },
    });
    expect(stored).toMatchObject({ size: bytes.length, filename: 'a.bin', contentType: 'application/octet-stream' });
    const opened = await bucket.open(stored.id);
    expect(opened?.file).toMatchObject({ id: stored.id, size: bytes.length, metadata: { rid: 'r1' } });
    expect((await readAll(opened!.stream)).equals(bytes)).toBe(true);
    await bucket.delete(stored.id);
    expect(await bucket.open(stored.id)).toBeNull();
    await bucket.delete(stored.id); // a missing file is not an error
  });

  it('refuses more bytes than maxBytes and leaves nothing behind', async () => {
    const bucket = storage.bucket('rocketchat_uploads');
    await expect(
      bucket.put(Buffer.alloc(2048), { id: 'too-big-file', filename: 'b', contentType: 'x/y', maxBytes: 1024 }),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await bucket.stat('too-big-file')).toBeNull();
  });

  it('keeps buckets apart', async () => {
    const stored = await storage.bucket('one').put(Buffer.from('x'), { filename: 'x', contentType: 'text/plain' });
    expect(await storage.bucket('two').stat(stored.id)).toBeNull();
    expect(await storage.bucket('one').stat(stored.id)).not.toBeNull();
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
