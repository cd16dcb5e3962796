import { AsyncLocalStorage } from 'node:async_hooks';
import { RequestContext } from './request-context';

describe('RequestContext', () => {
  afterEach(() => {
    RequestContext.track(false);
    jest.restoreAllMocks();
  });

  it('by default runs the function without AsyncLocalStorage, and knows no id', async () => {
    const run = jest.spyOn(AsyncLocalStorage.prototype, 'run');
    const seen = await RequestContext.run('r-1', async () => {
      await new Promise((r) => setImmediate(r));
      return RequestContext.id();
    });
    expect(seen).toBeUndefined();
    expect(RequestContext.run('r-2', () => 42)).toBe(42);
    expect(run).not.toHaveBeenCalled();
  });

  it('when tracking, carries the id through awaits and keeps concurrent requests apart', async () => {
    RequestContext.track(true);
    const one = (id: string, delay: number) =>
      RequestContext.run(id, async () => {
        await new Promise((r) => setTimeout(r, delay));
        return RequestContext.id();
      });
    await expect(Promise.all([one('a', 20), one('b', 5)])).resolves.toEqual(['a', 'b']);
    expect(RequestContext.id()).toBeUndefined();
  });

  it('takes a plain client id and replaces anything else', () => {
    expect(RequestContext.fromHeader('abc-1.2:3')).toBe('abc-1.2:3');
    expect(RequestContext.fromHeader(['x_1', 'y'])).toBe('x_1');
    expect(RequestContext.fromHeader('has space')).not.toBe('has space');
    expect(RequestContext.fromHeader('a'.repeat(65))).toHaveLength(36);
  });
});
