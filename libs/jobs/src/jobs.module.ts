import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import type { JobOptions } from 'bull';
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
    return BullModule.registerQueue(...names.map((name) => ({ name, defaultJobOptions: DEFAULT_JOB_OPTIONS })));
  }
}
