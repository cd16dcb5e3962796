/** How long a batched write's callers wait for the database at most: mongoose's own buffering bound (10 s). */
export const WRITE_BOUND_MS = 10_000;

/**
 * A write the database has not answered within `ms` fails with an outage error (`ETIMEDOUT`, a 503 for the
 * caller) instead of holding its callers and their transport slots: under a restarting database server the
 * driver has been seen to leave one bulk write pending for good. The write itself is not cancelled; a batch
 * written for many callers bounds its wait with this.
 */
export async function settledWithin<T>(op: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`${what}: no answer from the database in ${ms} ms`), { code: 'ETIMEDOUT' })),
      ms,
    );
  });
  try {
    return await Promise.race([op, late]);
  } finally {
    clearTimeout(timer);
  }
}
