import { getQueueToken, Process, Processor } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import type { Queue } from 'bull';
import { contextModule } from '../../../test/int/context-module';
import { JobsModule } from './jobs.module';

const QUEUE = 'jobs-int';

@Processor(QUEUE)
class Worker {
  @Process()
  handle(): void {
    // nothing to do: the test looks at the worker's connection
  }
}

@Module({ imports: [JobsModule.queue(QUEUE)], providers: [Worker] })
class WorkerModule {}

describe('JobsModule (a queue with a worker)', () => {
  it('is started only once the worker is connected, so closing at once rejects nothing', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): number => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    const app = await contextModule([WorkerModule]);
    try {
      const queue = app.get<Queue>(getQueueToken(QUEUE));
      expect((queue as unknown as { bclient: Queue['client'] }).bclient.status).toBe('ready');
    } finally {
      await app.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      process.off('unhandledRejection', onRejection);
      expect(rejections).toEqual([]);
    }
  });

  it('backs off at most 2 s between reconnection attempts, like every other connection (Bull alone: up to 20 s)', async () => {
    const app = await contextModule([WorkerModule]);
    try {
      const queue = app.get<Queue>(getQueueToken(QUEUE));
      const internals = queue as unknown as { bclient: Queue['client'] };
      for (const client of [queue.client, internals.bclient]) {
        const retry = client.options.retryStrategy!;
        expect(retry(1)).toBeLessThanOrEqual(100);
        expect(retry(10)).toBeLessThanOrEqual(2000);
        expect(retry(1000)).toBe(2000);
      }
    } finally {
      await app.close();
    }
  });
});
