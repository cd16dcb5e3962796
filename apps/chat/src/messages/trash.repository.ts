import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import type { IMessage } from '@app/contracts';
import { MongoRepository } from '@app/database';
import { Trash } from './schemas/trash.schema';

export const MESSAGES_COLLECTION = 'rocketchat_message';

export type TrashedMessage = IMessage & { __collection__: string; _deletedAt: Date };

/** `rocketchat__trash`, for messages: what was removed and when. */
@Injectable()
export class TrashRepository extends MongoRepository<TrashedMessage> {
  constructor(@InjectModel(Trash.name) model: Model<TrashedMessage>) {
    super(model);
  }

  /** Keeps a removed message (replacing an older copy of the same id). */
  async keep(message: IMessage, deletedAt = new Date()): Promise<void> {
    await this.model
      .replaceOne(
        { _id: message._id },
        { ...message, __collection__: MESSAGES_COLLECTION, _deletedAt: deletedAt },
        { upsert: true },
      )
      .exec();
  }

  /** Messages removed after `since`, matching `filter` (`rid`, `tmid`, ...). */
  deletedAfter(filter: FilterQuery<TrashedMessage>, since: Date) {
    return { ...filter, __collection__: MESSAGES_COLLECTION, _deletedAt: { $gt: since } };
  }
}
