import type {
  AnyBulkWriteOperation,
  FilterQuery,
  Model,
  mongo,
  ProjectionType,
  QueryOptions,
  UpdateQuery,
} from 'mongoose';

/**
 * `asIs`: through the driver, without mongoose's casting, defaults, hooks and per-query set-up. For hot paths
 * whose filters and updates are already typed (ids as strings, dates as `Date`) and that upsert nothing.
 */
export interface AsIs {
  asIs?: boolean;
}

export interface FindOptions<T> {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  /** 0 or absent: no limit */
  limit?: number;
  projection?: ProjectionType<T>;
}

/**
 * The one way into a collection for code outside the context that owns it: the owning context registers the
 * schema and exports its repository; every read is `lean()` and typed with the Rocket.Chat document type.
 */
export abstract class MongoRepository<T extends { _id: string }> {
  protected constructor(protected readonly model: Model<T>) {}

  /** The driver's collection, for writes `asIs`. */
  protected get collection(): mongo.Collection<T> {
    return this.model.collection as unknown as mongo.Collection<T>;
  }

  findById<R = T>(id: string, projection?: ProjectionType<T>): Promise<R | null> {
    return this.model.findById(id, projection).lean<R>().exec();
  }

  findOne<R = T>(filter: FilterQuery<T>, projection?: ProjectionType<T>, options?: QueryOptions<T>): Promise<R | null> {
    return this.model.findOne(filter, projection, options).lean<R>().exec();
  }

  find<R = T>(filter: FilterQuery<T>, options: FindOptions<T> = {}): Promise<R[]> {
    const query = this.model.find(filter, options.projection);
    if (options.sort) {
      query.sort(options.sort);
    }
    if (options.skip) {
      query.skip(options.skip);
    }
    if (options.limit) {
      query.limit(options.limit);
    }
    return query.lean<R[]>().exec();
  }

  async exists(filter: FilterQuery<T>): Promise<boolean> {
    return !!(await this.model.exists(filter));
  }

  count(filter: FilterQuery<T> = {}): Promise<number> {
    return this.model.countDocuments(filter).exec();
  }

  distinct<K extends string>(field: K, filter: FilterQuery<T> = {}): Promise<unknown[]> {
    return this.model.distinct(field, filter).exec();
  }

  async insert(doc: Partial<T> & { _id: string }): Promise<void> {
    await this.model.create(doc);
  }

  async updateOne(
    filter: FilterQuery<T>,
    update: UpdateQuery<T>,
    options: { upsert?: boolean } = {},
  ): Promise<{ matched: number; modified: number; upserted: number }> {
    const res = await this.model.updateOne(filter, update, options).exec();
    return { matched: res.matchedCount, modified: res.modifiedCount, upserted: res.upsertedCount };
  }

  async updateMany(filter: FilterQuery<T>, update: UpdateQuery<T>): Promise<number> {
    return (await this.model.updateMany(filter, update).exec()).modifiedCount;
  }

  findOneAndUpdate<R = T>(
    filter: FilterQuery<T>,
    update: UpdateQuery<T>,
    options: { projection?: ProjectionType<T>; upsert?: boolean; returnNew?: boolean } & AsIs = {},
  ): Promise<R | null> {
    if (options.asIs) {
      return this.collection.findOneAndUpdate(filter as mongo.Filter<T>, update, {
        projection: options.projection as mongo.Document | undefined,
        upsert: options.upsert,
        returnDocument: options.returnNew === false ? 'before' : 'after',
      }) as Promise<R | null>;
    }
    return this.model
      .findOneAndUpdate(filter, update, {
        projection: options.projection,
        upsert: options.upsert,
        new: options.returnNew ?? true,
      })
      .lean<R>()
      .exec();
  }

  async deleteOne(filter: FilterQuery<T>): Promise<number> {
    return (await this.model.deleteOne(filter).exec()).deletedCount;
  }

  async deleteMany(filter: FilterQuery<T>): Promise<number> {
    return (await this.model.deleteMany(filter).exec()).deletedCount;
  }

  /** Runs the operations in order; answers the indexes of the operations that upserted a new document. */
  async bulkWrite(ops: AnyBulkWriteOperation<T>[], options: AsIs = {}): Promise<number[]> {
    if (!ops.length) {
      return [];
    }
    const res = options.asIs
      ? await this.collection.bulkWrite(ops as mongo.AnyBulkWriteOperation<T>[], { ordered: true })
      : await this.model.bulkWrite(ops as Parameters<Model<T>['bulkWrite']>[0]);
    return Object.keys(res.upsertedIds ?? {}).map(Number);
  }
}

/** MongoDB's duplicate-key error (a unique index refused the write). */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number })?.code === 11000;
}
