import { Controller, Post } from '@nestjs/common';
import { CurrentUser, Permissions } from '@app/auth';
import { AuthUser, TwoFactorInput, UsersPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { AnyObject, ValidBody } from '@app/validation';
import { TwoFactor } from '../platform/two-factor.decorator';
import {
  UsersDeactivateIdleDto,
  UsersSetActiveStatusDto,
  UsersUpdateDto,
  UsersUpdateOwnBasicInfoDto,
} from './dto/users-admin.dto';

/**
 * Editing, activating and deleting users. users.delete and users.deleteOwnAccount are checked by the service,
 * which answers with Rocket.Chat's own errors rather than `invalid-params`.
 */
@Controller('api/v1')
export class UsersAdminController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('users.update')
  update(
    @CurrentUser() caller: AuthUser,
    @ValidBody(UsersUpdateDto) dto: UsersUpdateDto,
    @TwoFactor() twoFactor: TwoFactorInput,
  ) {
    return this.rpc.send(UsersPattern.Update, { caller, ...dto, twoFactor });
  }

  @Post('users.updateOwnBasicInfo')
  updateOwnBasicInfo(
    @CurrentUser() caller: AuthUser,
    @ValidBody(UsersUpdateOwnBasicInfoDto) dto: UsersUpdateOwnBasicInfoDto,
  ) {
    return this.rpc.send(UsersPattern.UpdateOwnBasicInfo, { caller, ...dto });
  }

  @Post('users.setActiveStatus')
  setActiveStatus(@CurrentUser() caller: AuthUser, @ValidBody(UsersSetActiveStatusDto) dto: UsersSetActiveStatusDto) {
    return this.rpc.send(UsersPattern.SetActiveStatus, { caller, ...dto });
  }

  @Post('users.delete')
  delete(@CurrentUser() caller: AuthUser, @ValidBody(AnyObject) body: Record<string, unknown>) {
    return this.rpc.send(UsersPattern.Delete, { caller, body });
  }

  @Post('users.deleteOwnAccount')
  deleteOwnAccount(@CurrentUser() caller: AuthUser, @ValidBody(AnyObject) body: Record<string, unknown>) {
    return this.rpc.send(UsersPattern.DeleteOwnAccount, { caller, body });
  }

  @Post('users.deactivateIdle')
  @Permissions('edit-other-user-active-status')
  deactivateIdle(@CurrentUser() caller: AuthUser, @ValidBody(UsersDeactivateIdleDto) dto: UsersDeactivateIdleDto) {
    return this.rpc.send(UsersPattern.DeactivateIdle, { caller, ...dto });
  }
}
