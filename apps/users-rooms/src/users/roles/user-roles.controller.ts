import { Controller } from '@nestjs/common';
import { RawBodyPayload, RolesGetUsersInRolePayload, RolesPattern } from '@app/contracts';
import { Handles } from '@app/transport';
import { UserRolesService } from './user-roles.service';

/** roles.* that give users roles or list who holds one (the roles themselves are the authorization context's). */
@Controller()
export class UserRolesController {
  constructor(private readonly userRoles: UserRolesService) {}

  @Handles(RolesPattern.AddUserToRole)
  addUserToRole(p: RawBodyPayload) {
    return this.userRoles.addUserToRole(p);
  }

  @Handles(RolesPattern.GetUsersInRole)
  usersInRole(p: RolesGetUsersInRolePayload) {
    return this.userRoles.usersInRole(p);
  }
}
