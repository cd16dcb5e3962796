import { Controller } from '@nestjs/common';
import {
  AuthenticationPattern,
  CallerPayload,
  ListPayload,
  UsersCreatePayload,
  UsersInfoPayload,
  UsersPattern,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { UsersService } from './users.service';

@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

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
}
