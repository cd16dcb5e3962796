import { Module } from '@nestjs/common';
import { MAIL_QUEUE } from '@app/contracts';
import { JobsModule } from '@app/jobs';
import { MailProcessor } from './mail.processor';
import { MailService } from './mail.service';

/**
 * Outgoing e-mail on the `mail` Bull queue (Redis, shared by every users-rooms replica). Other contexts send
 * through the exported MailService.
 */
@Module({
  imports: [JobsModule.queue(MAIL_QUEUE)],
  providers: [MailService, MailProcessor],
  exports: [MailService],
})
export class MailModule {}
