import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { IRoom } from '@app/contracts';
import { MongoRepository } from '@app/database';
import { TrashRepository } from '../trash/trash.repository';
import { Room } from './schemas/room.schema';

export const ROOMS_COLLECTION = 'rocketchat_room';

/**
 * `rocketchat_room`, through this repository only (the rooms context registers the schema). A removed room is
 * kept in the trash first, so `rooms.get` can tell a syncing member it went.
 */
@Injectable()
export class RoomsRepository extends MongoRepository<IRoom> {
  constructor(
    @InjectModel(Room.name) model: Model<IRoom>,
    private readonly trash: TrashRepository,
  ) {
    super(model);
  }

  override async deleteOne(filter: FilterQuery<IRoom>): Promise<number> {
    const doc = await this.findOne(filter);
    if (!doc) {
      return 0;
    }
    await this.trash.keep(ROOMS_COLLECTION, [doc]);
    return super.deleteOne({ _id: doc._id });
  }

  override async deleteMany(filter: FilterQuery<IRoom>): Promise<number> {
    await this.trash.keep(ROOMS_COLLECTION, await this.find(filter));
    return super.deleteMany(filter);
  }
}
