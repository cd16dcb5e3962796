import { Controller } from '@nestjs/common';
import {
  RawBodyPayload,
  RolesDeletePayload,
  RolesGetUsersInRolePayload,
  RolesPattern,
  RolesRemoveUserFromRolePayload,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { UserRolesService } from './user-roles.service';

/**
 * roles.* that give users roles, take them back, list who holds one, or delete a role nobody holds (the roles
 * themselves are the authorization context's).
 */
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

  @Handles(RolesPattern.Delete)
  deleteRole(p: RolesDeletePayload) {
    return this.userRoles.deleteRole(p);
  }

  @Handles(RolesPattern.RemoveUserFromRole)
  removeUserFromRole(p: RolesRemoveUserFromRolePayload) {
    return this.userRoles.removeUserFromRole(p);
  }
}
