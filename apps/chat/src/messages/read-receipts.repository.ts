import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { ReadReceipt as ReadReceiptDoc } from '@app/contracts';
import { MongoRepository } from '@app/database';
import { ReadReceipt } from './schemas/read-receipt.schema';

/** `rocketchat_message_read_receipt`, through this repository only. */
@Injectable()
export class ReadReceiptsRepository extends MongoRepository<ReadReceiptDoc> {
  constructor(@InjectModel(ReadReceipt.name) model: Model<ReadReceiptDoc>) {
    super(model);
  }
}
