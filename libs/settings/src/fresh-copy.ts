/**
 * A copy of some data that is dropped when it changes (`invalidate()`, on `settings.changed`) and read again
 * by the next caller. Callers asking at the same time share one read; a caller never gets a copy whose read
 * started before the latest invalidation (a read that raced with a change is discarded and done again). A
 * failed read keeps the previous copy, so a caller never waits on an unreachable source more than once.
 */
export class FreshCopy<T> {
  private generation = 0;
  private fresh = false;
  private reading?: { generation: number; done: Promise<void> };

  constructor(
    private value: T,
    private readonly read: () => Promise<T>,
    private readonly onError: (err: Error) => void = () => undefined,
  ) {}

  invalidate(): void {
    this.generation++;
    this.fresh = false;
  }

  async get(): Promise<T> {
    while (!this.fresh) {
      const generation = this.generation;
      if (this.reading?.generation !== generation) {
        const done: Promise<void> = this.read()
          .then(
            (value) => {
              this.value = value;
              this.fresh = generation === this.generation;
            },
            (err: Error) => this.onError(err),
          )
          .finally(() => {
            if (this.reading?.done === done) {
              this.reading = undefined;
            }
          });
        this.reading = { generation, done };
      }
      await this.reading.done;
      if (generation === this.generation) {
        // read for the current state (or failed: the previous copy serves until the next call tries again)
        break;
      }
    }
    return this.value;
  }
}
