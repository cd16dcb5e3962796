import { Controller, Get, Post } from '@nestjs/common';
import { CurrentUser, Permissions } from '@app/auth';
import { AuthUser, RolesPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { AnyObject, NoParams, ValidBody, ValidQuery } from '@app/validation';
import { PagingParser } from '../platform/paging.parser';
import { RolesDeleteDto, RolesGetUsersInRoleDto, RolesRemoveUserFromRoleDto, RolesUpdateDto } from './dto/roles.dto';

/**
 * roles.*. The bodies of roles.create and roles.addUserToRole are checked by the service, which answers with
 * Rocket.Chat's own error types (`error-invalid-role-properties`) rather than `invalid-params`.
 */
@Controller('api/v1')
export class RolesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly paging: PagingParser,
  ) {}

  @Post('roles.create')
  create(@CurrentUser() caller: AuthUser, @ValidBody(AnyObject) body: Record<string, unknown>) {
    return this.rpc.send(RolesPattern.Create, { caller, body });
  }

  @Get('roles.list')
  list(@CurrentUser() caller: AuthUser, @ValidQuery(NoParams) _: object) {
    return this.rpc.send(RolesPattern.List, { caller });
  }

  @Post('roles.addUserToRole')
  addUserToRole(@CurrentUser() caller: AuthUser, @ValidBody(AnyObject) body: Record<string, unknown>) {
    return this.rpc.send(RolesPattern.AddUserToRole, { caller, body });
  }

  @Get('roles.getUsersInRole')
  @Permissions('access-permissions')
  async usersInRole(@CurrentUser() caller: AuthUser, @ValidQuery(RolesGetUsersInRoleDto) dto: RolesGetUsersInRoleDto) {
    const { offset, count } = await this.paging.offsetCount(dto);
    return this.rpc.send(RolesPattern.GetUsersInRole, { caller, role: dto.role, roomId: dto.roomId, offset, count });
  }

  @Post('roles.update')
  update(@CurrentUser() caller: AuthUser, @ValidBody(RolesUpdateDto) dto: RolesUpdateDto) {
    return this.rpc.send(RolesPattern.Update, { caller, ...dto });
  }

  @Post('roles.delete')
  @Permissions('access-permissions')
  delete(@CurrentUser() caller: AuthUser, @ValidBody(RolesDeleteDto) dto: RolesDeleteDto) {
    return this.rpc.send(RolesPattern.Delete, { caller, ...dto });
  }

  @Post('roles.removeUserFromRole')
  @Permissions('access-permissions')
  removeUserFromRole(
    @CurrentUser() caller: AuthUser,
    @ValidBody(RolesRemoveUserFromRoleDto) dto: RolesRemoveUserFromRoleDto,
  ) {
    return this.rpc.send(RolesPattern.RemoveUserFromRole, { caller, ...dto });
  }
}
