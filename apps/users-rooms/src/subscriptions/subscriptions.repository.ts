import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { ISubscription } from '@app/contracts';
import { MongoRepository } from '@app/database';
import { TrashRepository } from '../trash/trash.repository';
import { Subscription } from './schemas/subscription.schema';

export const SUBSCRIPTIONS_COLLECTION = 'rocketchat_subscription';

/**
 * `rocketchat_subscription`, for every context (rooms, users, roles) through this repository only. A removed
 * subscription is kept in the trash first, so `subscriptions.get` can tell a syncing client it went.
 */
@Injectable()
export class SubscriptionsRepository extends MongoRepository<ISubscription> {
  constructor(
    @InjectModel(Subscription.name) model: Model<ISubscription>,
    private readonly trash: TrashRepository,
  ) {
    super(model);
  }

  findByRoomAndUser<R = ISubscription>(rid: string, userId: string, projection?: Record<string, 0 | 1>) {
    return this.findOne<R>({ rid, 'u._id': userId }, projection);
  }

  override async deleteOne(filter: FilterQuery<ISubscription>): Promise<number> {
    const doc = await this.findOne(filter);
    if (!doc) {
      return 0;
    }
    await this.trash.keep(SUBSCRIPTIONS_COLLECTION, [doc]);
    return super.deleteOne({ _id: doc._id });
  }

  override async deleteMany(filter: FilterQuery<ISubscription>): Promise<number> {
    await this.trash.keep(SUBSCRIPTIONS_COLLECTION, await this.find(filter));
    return super.deleteMany(filter);
  }
}
