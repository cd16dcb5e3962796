import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { MongoRepository } from '@app/database';
import { Trash } from './schemas/trash.schema';

/** A removed document as `rocketchat__trash` keeps it. */
export type TrashDoc = { _id: string; __collection__: string; _deletedAt: Date } & Record<string, unknown>;

/** A removal as the sync endpoints answer it (`remove[]` of rooms.get / subscriptions.get). */
export interface Removal {
  _id: string;
  _deletedAt: Date;
}

/**
 * Remembers removed documents, as Rocket.Chat's models with a trash do: the repositories of collections that
 * clients sync (rooms, subscriptions) keep each document here before they delete it.
 */
@Injectable()
export class TrashRepository extends MongoRepository<TrashDoc> {
  constructor(@InjectModel(Trash.name) model: Model<TrashDoc>) {
    super(model);
  }

  /** Keeps the documents (a document removed again replaces its earlier copy). */
  async keep(collection: string, docs: { _id: string }[]): Promise<void> {
    const _deletedAt = new Date();
    await this.bulkWrite(
      docs.map((doc) => ({
        replaceOne: {
          filter: { _id: doc._id },
          replacement: { ...doc, __collection__: collection, _deletedAt },
          upsert: true,
        },
      })),
    );
  }

  /** The documents of a collection removed after `since` (and matching `filter`), oldest first. */
  removedAfter(collection: string, since: Date, filter: FilterQuery<TrashDoc> = {}): Promise<Removal[]> {
    return this.find<Removal>(
      { ...filter, __collection__: collection, _deletedAt: { $gt: since } },
      { projection: { _id: 1, _deletedAt: 1 }, sort: { _deletedAt: 1 } },
    );
  }
}
