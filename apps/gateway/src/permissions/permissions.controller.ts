import { Controller, Get, Post } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, PermissionsPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { AnyObject, ValidBody, ValidQuery } from '@app/validation';
import { PermissionsListAllDto } from './dto/permissions.dto';

/** permissions.*. permissions.update's body is checked by the service, with Rocket.Chat's own error types. */
@Controller('api/v1')
export class PermissionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('permissions.listAll')
  listAll(@CurrentUser() caller: AuthUser, @ValidQuery(PermissionsListAllDto) dto: PermissionsListAllDto) {
    return this.rpc.send(PermissionsPattern.ListAll, { caller, ...dto });
  }

  @Post('permissions.update')
  update(@CurrentUser() caller: AuthUser, @ValidBody(AnyObject) body: Record<string, unknown>) {
    return this.rpc.send(PermissionsPattern.Update, { caller, body });
  }
}
