import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { IInvite } from '@app/contracts';
import { MongoRepository } from '@app/database';
import { Invite } from './schemas/invite.schema';

/** `rocketchat_invites`, through this repository only (the invites context registers the schema). */
@Injectable()
export class InvitesRepository extends MongoRepository<IInvite> {
  constructor(@InjectModel(Invite.name) model: Model<IInvite>) {
    super(model);
  }
}
