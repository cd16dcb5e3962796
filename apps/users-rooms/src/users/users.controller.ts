import { Controller } from '@nestjs/common';
import {
  AuthenticationPattern,
  CallerPayload,
  InternalPattern,
  ListPayload,
  UsersCreatePayload,
  UploadsPattern,
  UsersInfoPayload,
  UsersPattern,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly repository: UsersRepository,
  ) {}

  @Handles(AuthenticationPattern.Me)
  me(p: CallerPayload) {
    return this.users.me(p.caller._id);
  }

  @Handles(UsersPattern.Create)
  create(p: UsersCreatePayload) {
    return this.users.create(p);
  }

  @Handles(UsersPattern.Info)
  info(p: UsersInfoPayload) {
    return this.users.info(p);
  }

  @Handles(UsersPattern.List)
  list(p: ListPayload) {
    return this.users.list(p);
  }

  /** chat's user directory: the active users of these usernames (mentions, DMs), at most 100 per call */
  @Handles(InternalPattern.UsersLookup)
  lookup(p: { usernames: string[] }) {
    return this.repository.find<{ _id: string; username: string; name?: string }>(
      { username: { $in: p.usernames.slice(0, 100) }, active: true },
      { projection: { _id: 1, username: 1, name: 1 } },
    );
  }

  /** the uploaders of listed room files (Rocket.Chat's addUserToFileObj): any user, at most 1000 per call */
  @Handles(UploadsPattern.UsersByIds)
  byIds(p: { ids: string[] }) {
    return this.repository.find<{ _id: string; username: string; name?: string }>(
      { _id: { $in: p.ids.slice(0, 1000) } },
      { projection: { _id: 1, username: 1, name: 1 } },
    );
  }
}
