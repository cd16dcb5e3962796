import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { JobOptions } from 'bull';
import { APP_ENV, UsersRoomsEnv } from '@app/config';
import { DATA_EXPORT_QUEUE, MAIL_QUEUE } from '@app/contracts';
import { AuthorizationModule } from '../authorization/authorization.module';
import { RoomsModule } from '../rooms/rooms.module';
import { SettingsModule } from '../settings/settings.module';
import { UsersModule } from '../users/users.module';
import { DataDownloadService } from './data-download.service';
import { DataExportProcessor } from './data-export.processor';
import { IdleUsersService } from './idle-users.service';
import { MailProcessor } from './mail.processor';
import { MailService } from './mail.service';
import { PasswordResetService } from './password-reset.service';
import { RegistrationService } from './registration.service';
import { ExportOperation, ExportOperationSchema } from './schemas/export-operation.schema';
import { UserJobsController } from './user-jobs.controller';

/**
 * Retried with exponential back-off (5 s, 10 s, 20 s, 40 s); a job that fails every attempt stays in the
 * queue's failed set (never removed) and is logged. Completed jobs are trimmed.
 */
const JOB_OPTIONS: JobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: 1000,
  removeOnFail: false,
};

/**
 * users.register, users.forgotPassword, users.requestDataDownload, users.deactivateIdle, and the Bull queues
 * behind them (`mail`, `data-export`) on REDIS_URL. Other areas send e-mail through the exported MailService.
 */
@Module({
  imports: [
    RoomsModule,
    SettingsModule,
    AuthorizationModule,
    UsersModule,
    MongooseModule.forFeature([{ name: ExportOperation.name, schema: ExportOperationSchema }]),
    BullModule.forRootAsync({
      inject: [APP_ENV],
      useFactory: (env: UsersRoomsEnv) => ({ url: env.REDIS_URL, prefix: `${env.RC_REDIS_PREFIX}:bull` }),
    }),
    BullModule.registerQueue(
      { name: MAIL_QUEUE, defaultJobOptions: JOB_OPTIONS },
      { name: DATA_EXPORT_QUEUE, defaultJobOptions: JOB_OPTIONS },
    ),
  ],
  controllers: [UserJobsController],
  providers: [
    MailService,
    MailProcessor,
    PasswordResetService,
    RegistrationService,
    DataDownloadService,
    DataExportProcessor,
    IdleUsersService,
  ],
  exports: [MailService],
})
export class UserJobsModule {}
