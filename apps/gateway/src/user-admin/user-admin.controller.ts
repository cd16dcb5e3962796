import { Body, Controller, Get, Headers, Post, Query } from '@nestjs/common';
import { CurrentUser, Permissions } from '@app/auth';
import { AuthUser, UserAdminPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { PagingParser } from '../core/paging.parser';
import { UsersSetActiveStatusDto } from './dto/users-set-active-status.dto';
import { UsersSetPreferencesDto } from './dto/users-set-preferences.dto';
import { UsersUpdateOwnBasicInfoDto } from './dto/users-update-own-basic-info.dto';
import { UsersUpdateDto } from './dto/users-update.dto';

type QueryParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * Roles, permissions and user administration. Bodies that Rocket.Chat checks inside the handler (with error
 * codes of their own rather than `invalid-params`) are forwarded as received and checked by the service.
 */
@Controller('api/v1')
export class UserAdminController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly paging: PagingParser,
  ) {}

  @Post('roles.create')
  rolesCreate(@CurrentUser() caller: AuthUser, @Body() body: Record<string, unknown>) {
    return this.rpc.send(UserAdminPattern.RolesCreate, { caller, body });
  }

  @Get('roles.list')
  rolesList(@CurrentUser() caller: AuthUser) {
    return this.rpc.send(UserAdminPattern.RolesList, { caller });
  }

  @Post('roles.addUserToRole')
  addUserToRole(@CurrentUser() caller: AuthUser, @Body() body: Record<string, unknown>) {
    return this.rpc.send(UserAdminPattern.RolesAddUserToRole, { caller, body });
  }

  @Get('roles.getUsersInRole')
  @Permissions('access-permissions')
  async usersInRole(@CurrentUser() caller: AuthUser, @Query() q: QueryParams) {
    const { offset, count } = await this.paging.offsetCount({ offset: one(q.offset), count: one(q.count) });
    return this.rpc.send(UserAdminPattern.RolesGetUsersInRole, {
      caller,
      role: one(q.role),
      roomId: one(q.roomId),
      offset,
      count,
    });
  }

  @Get('permissions.listAll')
  permissionsListAll(@CurrentUser() caller: AuthUser, @Query() q: QueryParams) {
    return this.rpc.send(UserAdminPattern.PermissionsListAll, { caller, updatedSince: one(q.updatedSince) });
  }

  @Post('permissions.update')
  permissionsUpdate(@CurrentUser() caller: AuthUser, @Body() body: Record<string, unknown>) {
    return this.rpc.send(UserAdminPattern.PermissionsUpdate, { caller, body });
  }

  @Post('users.update')
  update(
    @CurrentUser() caller: AuthUser,
    @Body() dto: UsersUpdateDto,
    @Headers('x-2fa-code') code?: string,
    @Headers('x-2fa-method') method?: string,
  ) {
    return this.rpc.send(UserAdminPattern.UsersUpdate, { caller, ...dto, twoFactor: { code, method } });
  }

  @Post('users.updateOwnBasicInfo')
  updateOwnBasicInfo(@CurrentUser() caller: AuthUser, @Body() dto: UsersUpdateOwnBasicInfoDto) {
    return this.rpc.send(UserAdminPattern.UsersUpdateOwnBasicInfo, { caller, ...dto });
  }

  @Post('users.setActiveStatus')
  setActiveStatus(@CurrentUser() caller: AuthUser, @Body() dto: UsersSetActiveStatusDto) {
    return this.rpc.send(UserAdminPattern.UsersSetActiveStatus, { caller, ...dto });
  }

  @Post('users.delete')
  delete(@CurrentUser() caller: AuthUser, @Body() body: Record<string, unknown>) {
    return this.rpc.send(UserAdminPattern.UsersDelete, { caller, body });
  }

  @Post('users.deleteOwnAccount')
  deleteOwnAccount(@CurrentUser() caller: AuthUser, @Body() body: Record<string, unknown>) {
    return this.rpc.send(UserAdminPattern.UsersDeleteOwnAccount, { caller, body });
  }

  @Get('users.presence')
  presence(@CurrentUser() caller: AuthUser, @Query() q: QueryParams) {
    const ids = (Array.isArray(q.ids) ? q.ids : (q.ids?.split(',') ?? [])).map((id) => id.trim()).filter(Boolean);
    return this.rpc.send(UserAdminPattern.UsersPresence, { caller, from: one(q.from), ...(ids.length ? { ids } : {}) });
  }

  @Get('users.getPresence')
  getPresence(@CurrentUser() caller: AuthUser, @Query() q: QueryParams) {
    return this.rpc.send(UserAdminPattern.UsersGetPresence, {
      caller,
      userId: one(q.userId),
      username: one(q.username),
      user: one(q.user),
    });
  }

  @Get('users.getPreferences')
  getPreferences(@CurrentUser() caller: AuthUser) {
    return this.rpc.send(UserAdminPattern.UsersGetPreferences, { caller });
  }

  @Post('users.setPreferences')
  setPreferences(@CurrentUser() caller: AuthUser, @Body() dto: UsersSetPreferencesDto) {
    return this.rpc.send(UserAdminPattern.UsersSetPreferences, { caller, ...dto });
  }

  @Get('users.getUsernameSuggestion')
  usernameSuggestion(@CurrentUser() caller: AuthUser) {
    return this.rpc.send(UserAdminPattern.UsersGetUsernameSuggestion, { caller });
  }
}
