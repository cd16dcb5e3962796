import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Upload, UploadSchema } from './schemas/upload.schema';
import { UploadsRepository } from './uploads.repository';
import { UploadsService } from './uploads.service';

/** Owner of `rocketchat_uploads`: the files posted to rooms (their bytes in the storage bucket of that name). */
@Module({
  imports: [MongooseModule.forFeature([{ name: Upload.name, schema: UploadSchema }])],
  providers: [UploadsRepository, UploadsService],
  exports: [UploadsRepository, UploadsService],
})
export class UploadsModule {}
