import { processCpuSeconds, threadCpuByKind, threadKind } from './cpu';

describe('bench CPU accounting by thread kind', () => {
  it('names a kind of thread without its number', () => {
    expect(threadKind('GC Thread#3')).toBe('GC Thread');
    expect(threadKind('G1 Conc#0')).toBe('G1 Conc');
    expect(threadKind('pool-2-thread-14')).toBe('pool-2-thread');
    expect(threadKind('C2 CompilerThre')).toBe('C2 CompilerThre');
    expect(threadKind('VM Thread')).toBe('VM Thread');
    expect(threadKind('42')).toBe('42');
  });

  const linux = process.platform === 'linux' ? it : it.skip;

  linux("adds up this process's threads, at most the whole process's CPU", () => {
    const end = Date.now() + 50;
    while (Date.now() < end) {
      // spend some CPU on the main thread
    }
    const kinds = threadCpuByKind('self');
    const sum = Object.values(kinds).reduce((a, b) => a + b, 0);
    const total = processCpuSeconds('self')!;
    expect(Object.keys(kinds).length).toBeGreaterThan(0);
    expect(sum).toBeGreaterThan(0);
    // threads that have ended are in the process's total, not in any thread's
    expect(sum).toBeLessThanOrEqual(total + 0.02);
  });

  it('is empty for a process that does not exist', () => {
    expect(threadCpuByKind(2 ** 22 + 1)).toEqual({});
  });
});
