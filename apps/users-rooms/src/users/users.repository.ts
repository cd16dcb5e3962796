import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { IUser } from '@app/contracts';
import { MongoRepository } from '@app/database';
import { exactInsensitive } from '../common/regex';
import { User } from './schemas/user.schema';

/** `users`, for every context through this repository only (the users context registers the schema). */
@Injectable()
export class UsersRepository extends MongoRepository<IUser> {
  constructor(@InjectModel(User.name) model: Model<IUser>) {
    super(model);
  }

  /** Case-insensitive, as Rocket.Chat looks usernames up. */
  findByUsername<R = IUser>(username: string, projection?: Record<string, 0 | 1>) {
    return this.findOne<R>({ username: exactInsensitive(username) }, projection);
  }

  /** Addresses are stored lower-case, so an exact match is case-insensitive and uses the index. */
  findByEmail<R = IUser>(email: string, projection?: Record<string, 0 | 1>) {
    return this.findOne<R>({ 'emails.address': email.toLowerCase() }, projection);
  }

  usernameTaken(username: string, exceptUserId?: string): Promise<boolean> {
    return this.exists({
      username: exactInsensitive(username),
      ...(exceptUserId ? { _id: { $ne: exceptUserId } } : {}),
    });
  }

  emailTaken(email: string, exceptUserId?: string): Promise<boolean> {
    return this.exists({
      'emails.address': email.toLowerCase(),
      ...(exceptUserId ? { _id: { $ne: exceptUserId } } : {}),
    });
  }
}
