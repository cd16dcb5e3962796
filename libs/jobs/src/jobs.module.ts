import { BullModule, getQueueToken } from '@nestjs/bull';
import { BeforeApplicationShutdown, DynamicModule, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
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
            // Bull's own default backs off to 20 s between attempts: after a Redis restart the queues would stay
            // away for up to that long. Reconnect as every other connection does (ioredis' default, at most 2 s).
            redis: { retryStrategy: (times: number) => Math.min(times * 50, 2000) },
            prefix: `${env.RC_REDIS_PREFIX}:bull`,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
      ],
      providers: [Workers],
      exports: [Workers],
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
          provide: `jobs:workers:${names.join(',')}`,
          inject: [Workers, ...names.map((name) => getQueueToken(name))],
          useFactory: (workers: Workers, ...q: Queue[]) => new QueueWorkers(workers, q),
        },
      ],
      exports: [queues],
    };
  }
}

/** How long start-up waits for a worker's blocking connection before it goes on without it. */
const WORKER_CONNECT_WAIT_MS = 5000;
/** How long a shutdown waits for workers that are reconnecting (Redis came back a moment ago). */
const WORKER_RECONNECT_WAIT_MS = 2500;

/** Bull's untyped internals: the processors set on the queue, and the worker's blocking client. */
type WorkerQueue = Queue & { handlers: object; bclient: Queue['client'] };

/**
 * Bull's worker connections, at start and at shutdown.
 *
 * Start: the app is up once its workers are. A queue with a processor opens a blocking connection and names it
 * (Bull's `setWorkerName`, a promise nobody awaits). Closing the queue before that connection is open rejects the
 * naming with `Connection is closed`, an unhandled rejection that kills the process. Waiting (bounded) closes that
 * window, and readiness then means the workers really listen.
 *
 * Shutdown: Bull stops a worker by breaking its blocking read. A worker still reconnecting after a Redis restart
 * has not sent that read yet; it sends it on reconnecting and Bull then waits the read's full 5 s timeout, queue
 * after queue. Waiting (bounded, once for every queue of the app) for the workers to be connected first lets
 * Bull break the read at once.
 */
@Injectable()
class Workers implements BeforeApplicationShutdown {
  private readonly queues = new Set<WorkerQueue>();

  async started(queues: Queue[]): Promise<void> {
    // the processors are set on the queues by now (Bull's explorer runs at module init)
    const workers = (queues as WorkerQueue[]).filter((q) => Object.keys(q.handlers).length);
    for (const q of workers) {
      this.queues.add(q);
    }
    await Promise.all(workers.map((q) => connected(q.bclient, WORKER_CONNECT_WAIT_MS)));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues].map((q) => connected(q.bclient, WORKER_RECONNECT_WAIT_MS)));
  }
}

/** The queues of one `JobsModule.queue(...)`: their workers counted in once the app has started. */
class QueueWorkers implements OnApplicationBootstrap {
  constructor(
    private readonly workers: Workers,
    private readonly queues: Queue[],
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.workers.started(this.queues);
  }
}

/** Resolves once the client is ready, has ended, or after `waitMs`. */
function connected(client: Queue['client'], waitMs: number): Promise<void> {
  if (client.status === 'ready' || client.status === 'end') {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      client.off('ready', done).off('end', done);
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    client.once('ready', done).once('end', done);
  });
}
