import { Transform, TransformCallback } from 'node:stream';

/** One byte range of a file, both ends included. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * A `Range: bytes=...` header against a file of `size` bytes: the one range asked for, `'unsatisfiable'` (416),
 * or null when the header is absent, malformed or asks for several ranges (the whole file is sent, as RFC 9110
 * allows).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) {
    return null;
  }
  if (match[1] === '') {
    // the last N bytes
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) {
      return 'unsatisfiable';
    }
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) {
    return 'unsatisfiable';
  }
  return { start, end };
}

/** Passes on only the bytes `start..end` (included) of the stream it is fed. */
export class ByteSlice extends Transform {
  private offset = 0;

  constructor(private readonly range: ByteRange) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    const from = this.offset;
    this.offset += chunk.length;
    const first = Math.max(this.range.start - from, 0);
    const last = Math.min(this.range.end - from + 1, chunk.length);
    callback(null, first < last ? chunk.subarray(first, last) : undefined);
  }
}
