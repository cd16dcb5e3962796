import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { ISubscription } from '@app/contracts';
import { MongoRepository } from '@app/database';
import { Subscription } from './schemas/subscription.schema';

/** `rocketchat_subscription`, for every context (rooms, users, roles) through this repository only. */
@Injectable()
export class SubscriptionsRepository extends MongoRepository<ISubscription> {
  constructor(@InjectModel(Subscription.name) model: Model<ISubscription>) {
    super(model);
  }

  findByRoomAndUser<R = ISubscription>(rid: string, userId: string, projection?: Record<string, 0 | 1>) {
    return this.findOne<R>({ rid, 'u._id': userId }, projection);
  }
}
