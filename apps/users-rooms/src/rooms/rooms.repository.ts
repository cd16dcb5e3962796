import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { IRoom } from '@app/contracts';
import { MongoRepository } from '@app/database';
import { Room } from './schemas/room.schema';

/** `rocketchat_room`, through this repository only (the rooms context registers the schema). */
@Injectable()
export class RoomsRepository extends MongoRepository<IRoom> {
  constructor(@InjectModel(Room.name) model: Model<IRoom>) {
    super(model);
  }
}
