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
});
