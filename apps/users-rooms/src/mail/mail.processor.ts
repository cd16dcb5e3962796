import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { MAIL_QUEUE, MailJob, MailMessage } from '@app/contracts';
import { compileSchema, Opt, Type } from '@app/validation';
import { MailService } from './mail.service';

/** What comes out of Redis is checked again before it reaches the mailer. */
const isMailMessage = compileSchema(
  Type.Object({
    to: Type.String({ minLength: 1 }),
    subject: Type.String(),
    html: Type.String(),
    text: Opt(Type.String()),
    from: Opt(Type.String()),
  }),
);

/** Sends the `mail` queue's jobs; any replica may take a job, exactly one does. */
@Processor(MAIL_QUEUE)
export class MailProcessor {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(private readonly mail: MailService) {}

  @Process(MailJob.Send)
  async send(job: Job<unknown>): Promise<{ sent: boolean; messageId?: string }> {
    if (!isMailMessage(job.data)) {
      // a malformed job will not get better on retry: fail it for good (it stays in the failed set)
      await job.discard();
      throw new Error('malformed mail job');
    }
    return this.mail.deliver(job.data);
  }

  @OnQueueFailed()
  onFailed(job: Job<Partial<MailMessage>>, err: Error): void {
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade >= attempts || err.message === 'malformed mail job') {
      this.logger.error(
        `mail job ${job.id} to ${job.data?.to ?? '?'} failed for good after ${job.attemptsMade} attempt(s): ${err.message}; kept in the failed set of queue "${MAIL_QUEUE}"`,
      );
    } else {
      this.logger.warn(
        `mail job ${job.id} attempt ${job.attemptsMade}/${attempts} failed: ${err.message}; retrying with back-off`,
      );
    }
  }
}
