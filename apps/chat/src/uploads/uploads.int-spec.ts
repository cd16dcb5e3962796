import { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { UPLOADS_BUCKET, UploadedFileRef } from '@app/contracts';
import { FileBucket, FileStorage, readAll } from '@app/storage';
import { contextModule } from '../../../../test/int/context-module';
import { UploadsModule } from './uploads.module';
import { UploadsRepository } from './uploads.repository';
import { UNCONFIRMED_UPLOAD_TTL_MS, UploadsService } from './uploads.service';

describe('uploads context (middle tier: UploadsModule on MongoDB and GridFS)', () => {
  let app: INestApplicationContext;
  let sut: UploadsService;
  let records: UploadsRepository;
  let bucket: FileBucket;

  /** Bytes in the bucket, as the gateway stores them. */
  async function storedFile(name = 'a file.txt', type = 'text/plain'): Promise<UploadedFileRef> {
    const bytes = randomBytes(2048);
    const file = await bucket.put(bytes, { filename: name, contentType: type });
    return { fileId: file.id, filename: name, contentType: type, size: file.size };
  }

  beforeAll(async () => {
    app = await contextModule([UploadsModule]);
    sut = app.get(UploadsService);
    records = app.get(UploadsRepository);
    bucket = app.get(FileStorage).bucket(UPLOADS_BUCKET);
  });

  afterAll(async () => {
    await app?.close();
  });

  it("files a stored file with Rocket.Chat's record, once", async () => {
    const file = await storedFile('Report Q3.PDF', 'application/pdf');
    const upload = await sut.file(file, 'room1', 'user1', { description: 'numbers' });
    expect(upload).toMatchObject({
      _id: file.fileId,
      rid: 'room1',
      userId: 'user1',
      name: 'Report Q3.PDF',
      type: 'application/pdf',
      size: 2048,
      typeGroup: 'application',
      store: 'GridFS:Uploads',
      extension: 'pdf',
      complete: true,
      uploading: false,
      progress: 1,
      path: `/file-upload/${file.fileId}/Report%20Q3.PDF`,
      url: `/file-upload/${file.fileId}/Report%20Q3.PDF`,
      description: 'numbers',
    });
    expect(upload.uploadedAt).toBeInstanceOf(Date);
    expect(upload).not.toHaveProperty('expiresAt');
    // a redelivered call keeps the first record
    const again = await sut.file(file, 'room1', 'user1', { description: 'other' });
    expect(again.description).toBe('numbers');
    expect(await records.count({ _id: file.fileId })).toBe(1);
  });

  it('confirms an unconfirmed upload, and can make it wait again', async () => {
    const file = await storedFile();
    await sut.file(file, 'room1', 'user1', { expiresAt: new Date(Date.now() + UNCONFIRMED_UPLOAD_TTL_MS) });
    expect((await sut.findById(file.fileId))?.expiresAt).toBeInstanceOf(Date);
    await sut.confirm(file.fileId, 'described');
    const confirmed = await sut.findById(file.fileId);
    expect(confirmed).not.toHaveProperty('expiresAt');
    expect(confirmed?.description).toBe('described');
    await sut.unconfirm(file.fileId);
    expect((await sut.findById(file.fileId))!.expiresAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it('removes expired unconfirmed uploads, records and bytes, and keeps the others', async () => {
    const expired = await storedFile();
    const waiting = await storedFile();
    const confirmed = await storedFile();
    await sut.file(expired, 'room2', 'user1', { expiresAt: new Date(Date.now() - 1000) });
    await sut.file(waiting, 'room2', 'user1', { expiresAt: new Date(Date.now() + 60_000) });
    await sut.file(confirmed, 'room2', 'user1');
    expect(await sut.removeExpired()).toBeGreaterThanOrEqual(1);
    expect(await sut.findById(expired.fileId)).toBeNull();
    expect(await bucket.stat(expired.fileId)).toBeNull();
    for (const kept of [waiting, confirmed]) {
      expect(await sut.findById(kept.fileId)).not.toBeNull();
      expect((await readAll((await bucket.open(kept.fileId))!.stream)).length).toBe(2048);
    }
  });

  it('hides and removes uploads by filter', async () => {
    const file = await storedFile();
    await sut.file(file, 'room3', 'user1');
    await sut.hide([file.fileId]);
    expect((await sut.findById(file.fileId))?._hidden).toBe(true);
    expect(await sut.remove({ rid: 'room3' })).toBe(1);
    expect(await sut.findById(file.fileId)).toBeNull();
    expect(await bucket.stat(file.fileId)).toBeNull();
  });
});
