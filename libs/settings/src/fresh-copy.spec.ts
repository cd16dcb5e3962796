import { FreshCopy } from './fresh-copy';

/** A read that resolves when the test says so. */
function gatedSource() {
  let version = 0;
  const pending: (() => void)[] = [];
  const reads: number[] = [];
  const read = () => {
    const seen = version;
    reads.push(seen);
    return new Promise<number>((resolve) => pending.push(() => resolve(seen)));
  };
  return {
    read,
    reads,
    change: () => (version += 1),
    release: () => pending.splice(0).forEach((r) => r()),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('FreshCopy', () => {
  it('reads once for callers asking together, then serves the copy', async () => {
    const src = gatedSource();
    const copy = new FreshCopy(-1, src.read);
    const a = copy.get();
    const b = copy.get();
    await tick();
    src.release();
    expect(await Promise.all([a, b])).toEqual([0, 0]);
    expect(await copy.get()).toBe(0);
    expect(src.reads).toEqual([0]);
  });

  it('never answers with a read that started before the latest invalidation', async () => {
    const src = gatedSource();
    const copy = new FreshCopy(-1, src.read);
    const early = copy.get();
    await tick();
    // the data changes while the first read is under way
    src.change();
    copy.invalidate();
    const late = copy.get();
    src.release();
    await tick();
    src.release();
    expect(await late).toBe(1);
    expect(await early).toBe(1);
    expect(src.reads).toEqual([0, 1]);
  });

  it('keeps the last copy when a read fails, and tries again on the next call', async () => {
    let fail = false;
    let n = 0;
    const errors: string[] = [];
    const copy = new FreshCopy(
      0,
      () => (fail ? Promise.reject(new Error('down')) : Promise.resolve(++n)),
      (e) => errors.push(e.message),
    );
    expect(await copy.get()).toBe(1);
    fail = true;
    copy.invalidate();
    expect(await copy.get()).toBe(1);
    expect(errors).toEqual(['down']);
    fail = false;
    expect(await copy.get()).toBe(2);
    expect(await copy.get()).toBe(2);
  });
});
