import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AuthUser,
  PermissionsListAllPayload,
  RawBodyPayload,
  RolesGetUsersInRolePayload,
  UserAdminPattern,
  UsersGetPresencePayload,
  UsersPresencePayload,
  UsersSetActiveStatusPayload,
  UsersSetPreferencesPayload,
  UsersUpdateOwnBasicInfoPayload,
  UsersUpdatePayload,
} from '@app/contracts';
import { RolesService } from './roles.service';
import { UserEditService } from './user-edit.service';
import { UserLifecycleService } from './user-lifecycle.service';
import { UserProfileService } from './user-profile.service';

@Controller()
export class UserAdminController {
  constructor(
    private readonly roles: RolesService,
    private readonly edit: UserEditService,
    private readonly lifecycle: UserLifecycleService,
    private readonly profile: UserProfileService,
  ) {}

  @MessagePattern(UserAdminPattern.RolesCreate)
  rolesCreate(@Payload() p: RawBodyPayload) {
    return this.roles.create(p);
  }

  @MessagePattern(UserAdminPattern.RolesList)
  rolesList() {
    return this.roles.list();
  }

  @MessagePattern(UserAdminPattern.RolesAddUserToRole)
  addUserToRole(@Payload() p: RawBodyPayload) {
    return this.roles.addUserToRole(p);
  }

  @MessagePattern(UserAdminPattern.RolesGetUsersInRole)
  usersInRole(@Payload() p: RolesGetUsersInRolePayload) {
    return this.roles.usersInRole(p);
  }

  @MessagePattern(UserAdminPattern.PermissionsListAll)
  permissionsListAll(@Payload() p: PermissionsListAllPayload) {
    return this.roles.listAll(p);
  }

  @MessagePattern(UserAdminPattern.PermissionsUpdate)
  permissionsUpdate(@Payload() p: RawBodyPayload) {
    return this.roles.update(p);
  }

  @MessagePattern(UserAdminPattern.UsersUpdate)
  update(@Payload() p: UsersUpdatePayload) {
    return this.edit.update(p);
  }

  @MessagePattern(UserAdminPattern.UsersUpdateOwnBasicInfo)
  updateOwnBasicInfo(@Payload() p: UsersUpdateOwnBasicInfoPayload) {
    return this.edit.updateOwnBasicInfo(p);
  }

  @MessagePattern(UserAdminPattern.UsersSetActiveStatus)
  setActiveStatus(@Payload() p: UsersSetActiveStatusPayload) {
    return this.lifecycle.setActiveStatus(p);
  }

  @MessagePattern(UserAdminPattern.UsersDelete)
  delete(@Payload() p: RawBodyPayload) {
    return this.lifecycle.delete(p);
  }

  @MessagePattern(UserAdminPattern.UsersDeleteOwnAccount)
  deleteOwnAccount(@Payload() p: RawBodyPayload) {
    return this.lifecycle.deleteOwnAccount(p);
  }

  @MessagePattern(UserAdminPattern.UsersPresence)
  presence(@Payload() p: UsersPresencePayload) {
    return this.profile.presence(p);
  }

  @MessagePattern(UserAdminPattern.UsersGetPresence)
  getPresence(@Payload() p: UsersGetPresencePayload) {
    return this.profile.getPresence(p);
  }

  @MessagePattern(UserAdminPattern.UsersGetPreferences)
  getPreferences(@Payload() p: { caller: AuthUser }) {
    return this.profile.getPreferences(p.caller);
  }

  @MessagePattern(UserAdminPattern.UsersSetPreferences)
  setPreferences(@Payload() p: UsersSetPreferencesPayload) {
    return this.profile.setPreferences(p);
  }

  @MessagePattern(UserAdminPattern.UsersGetUsernameSuggestion)
  usernameSuggestion(@Payload() p: { caller: AuthUser }) {
    return this.profile.usernameSuggestion(p.caller);
  }
}
