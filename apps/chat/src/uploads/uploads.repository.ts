import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { MongoRepository } from '@app/database';
import { Upload } from './schemas/upload.schema';

export type UploadDoc = Upload & Record<string, unknown>;

/** `rocketchat_uploads`, through this repository only (the uploads context registers the schema). */
@Injectable()
export class UploadsRepository extends MongoRepository<UploadDoc> {
  constructor(@InjectModel(Upload.name) model: Model<UploadDoc>) {
    super(model);
  }
}
