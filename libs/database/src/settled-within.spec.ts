import { isDependencyOutage } from '@app/transport';
import { settledWithin } from './settled-within';

describe(settledWithin.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("answers the write's own outcome when it settles in time", async () => {
    await expect(settledWithin(Promise.resolve(3), 1000, 'insert')).resolves.toBe(3);
    await expect(settledWithin(Promise.reject(new Error('refused')), 1000, 'insert')).rejects.toThrow('refused');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('fails a write that never settles with an outage error once the time is up', async () => {
    let settled = false;
    const outcome = settledWithin(new Promise<void>(() => undefined), 1000, 'insert').catch((err: unknown) => {
      settled = true;
      return err;
    });
    await jest.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    const err = (await outcome) as Error;
    expect(err.message).toBe('insert: no answer from the database in 1000 ms');
    expect(isDependencyOutage(err)).toBe(true);
  });
});
