import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { UsersRoomsPattern } from '@app/contracts';
import { AuthorizationService } from './authorization.service';

@Controller()
export class AuthorizationController {
  constructor(private readonly authorization: AuthorizationService) {}

  @MessagePattern(UsersRoomsPattern.PermissionsAll)
  all() {
    return this.authorization.listAll();
  }
}
