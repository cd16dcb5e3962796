import type { Readable } from 'node:stream';

/** A stored file's record. */
export interface StoredFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  uploadedAt: Date;
  metadata?: Record<string, unknown>;
}

export interface PutOptions {
  /** the file's id (default: a new random id) */
  id?: string;
  filename: string;
  contentType: string;
  metadata?: Record<string, unknown>;
  /** more bytes than this fail the write with FileTooLargeError and leave nothing behind */
  maxBytes?: number;
}

/** The bytes went over `PutOptions.maxBytes`. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file exceeds ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** One named collection of files (Rocket.Chat's stores: `rocketchat_avatars`, `rocketchat_uploads`, ...). */
export interface FileBucket {
  /** Streams `source` in; resolves once every byte is stored. */
  put(source: Readable | Buffer, options: PutOptions): Promise<StoredFile>;
  /** The file's record and bytes, or null when it does not exist. */
  open(id: string): Promise<{ file: StoredFile; stream: Readable } | null>;
  stat(id: string): Promise<StoredFile | null>;
  /** Removes the file; a missing file is not an error. */
  delete(id: string): Promise<void>;
}

/**
 * Where file bytes live. Bytes never ride the transport: the gateway streams uploads into a bucket and the
 * services see file ids; downloads stream out of the bucket in the gateway. GridFS by default, so every replica
 * of every app reaches every file; a file-system store behind `FILE_STORAGE=FileSystem`.
 */
export abstract class FileStorage {
  abstract bucket(name: string): FileBucket;
  abstract close(): Promise<void>;
}

/** Reads a whole (small) file into memory. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
