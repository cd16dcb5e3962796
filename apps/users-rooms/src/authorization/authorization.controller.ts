import { Controller } from '@nestjs/common';
import {
  CallerPayload,
  InternalPattern,
  PermissionsListAllPayload,
  PermissionsPattern,
  RawBodyPayload,
  RolesPattern,
  RolesUpdatePayload,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { AuthorizationService } from './authorization.service';
import { RolesService } from './roles.service';

@Controller()
export class AuthorizationController {
  constructor(
    private readonly authorization: AuthorizationService,
    private readonly roles: RolesService,
  ) {}

  @Handles(InternalPattern.PermissionsAll)
  all() {
    return this.authorization.listAll();
  }

  @Handles(RolesPattern.List)
  rolesList(_p: CallerPayload) {
    return this.roles.list();
  }

  @Handles(RolesPattern.Create)
  rolesCreate(p: RawBodyPayload) {
    return this.roles.create(p);
  }

  @Handles(RolesPattern.Update)
  rolesUpdate(p: RolesUpdatePayload) {
    return this.roles.updateRole(p);
  }

  @Handles(PermissionsPattern.ListAll)
  permissionsListAll(p: PermissionsListAllPayload) {
    return this.roles.listAll(p);
  }

  @Handles(PermissionsPattern.Update)
  permissionsUpdate(p: RawBodyPayload) {
    return this.roles.update(p);
  }
}
