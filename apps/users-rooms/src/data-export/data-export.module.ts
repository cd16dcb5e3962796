import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DATA_EXPORT_QUEUE } from '@app/contracts';
import { JobsModule } from '@app/jobs';
import { MailModule } from '../mail/mail.module';
import { RoomsModule } from '../rooms/rooms.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { UsersModule } from '../users/users.module';
import { DataDownloadService } from './data-download.service';
import { DataExportController } from './data-export.controller';
import { DataExportProcessor } from './data-export.processor';
import { ExportOperation, ExportOperationSchema } from './schemas/export-operation.schema';

/**
 * users.requestDataDownload: export operations (`rocketchat_export_operations`) built by `data-download` jobs on
 * the `data-export` Bull queue from the user's profile, rooms and subscriptions.
 */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: ExportOperation.name, schema: ExportOperationSchema }]),
    JobsModule.queue(DATA_EXPORT_QUEUE),
    UsersModule,
    RoomsModule,
    SubscriptionsModule,
    MailModule,
  ],
  controllers: [DataExportController],
  providers: [DataDownloadService, DataExportProcessor],
})
export class DataExportModule {}
