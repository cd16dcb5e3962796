import { BullModule, getQueueToken } from '@nestjs/bull';
import { DynamicModule, Module, OnApplicationBootstrap } from '@nestjs/common';
import type { JobOptions, Queue } from 'bull';
import { APP_ENV, SharedEnv } from '@app/config';

/**
 * What every queue's jobs get unless they say otherwise: retried with exponential back-off (5 s, 10 s, 20 s,
 * 40 s); a job that fails every attempt stays in the queue's failed set (never removed) and is logged by its
 * processor. Completed jobs are trimmed.
 */
export const DEFAULT_JOB_OPTIONS: JobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: 1000,
  removeOnFail: false,
};

/**
 * Bull on REDIS_URL for the whole app, once: `JobsModule.forRoot()` in the app module, then each context
 * registers its own queues with `JobsModule.queue(name)`.
 */
@Module({})
export class JobsModule {
  static forRoot(): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [APP_ENV],
          useFactory: (env: SharedEnv) => ({
            url: env.REDIS_URL,
            prefix: `${env.RC_REDIS_PREFIX}:bull`,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
      ],
    };
  }

  /** A queue of the calling context, with the default job options. */
  static queue(...names: string[]): DynamicModule {
    const queues = BullModule.registerQueue(...names.map((name) => ({ name, defaultJobOptions: DEFAULT_JOB_OPTIONS })));
    return {
      module: JobsModule,
      imports: [queues],
      providers: [
        {
          provide: `jobs:workers-ready:${names.join(',')}`,
          inject: names.map((name) => getQueueToken(name)),
          useFactory: (...q: Queue[]) => new WorkersReady(q),
        },
      ],
      exports: [queues],
    };
  }
}

/** How long start-up waits for a worker's blocking connection before it goes on without it. */
const WORKER_CONNECT_WAIT_MS = 5000;

/**
 * The app is up once its workers are: a queue with a processor opens a blocking connection and names it (Bull's
 * `setWorkerName`, a promise nobody awaits). Closing the queue before that connection is open rejects the
 * naming with `Connection is closed`, an unhandled rejection that kills the process. Waiting here at start-up
 * (bounded) closes that window, and readiness then means the workers really listen.
 */
class WorkersReady implements OnApplicationBootstrap {
  constructor(private readonly queues: Queue[]) {}

  async onApplicationBootstrap(): Promise<void> {
    // Bull's untyped internals: the processors set on the queue, and the worker's blocking client
    const internals = this.queues as unknown as { handlers: object; bclient: Queue['client'] }[];
    await Promise.all(internals.filter((q) => Object.keys(q.handlers).length).map((q) => connected(q.bclient)));
  }
}

function connected(client: Queue['client']): Promise<void> {
  if (client.status === 'ready') {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      client.off('ready', done).off('end', done);
      resolve();
    };
    const timer = setTimeout(done, WORKER_CONNECT_WAIT_MS);
    client.once('ready', done).once('end', done);
  });
}
