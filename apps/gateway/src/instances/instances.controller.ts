import { Controller, Get } from '@nestjs/common';
import { CurrentUser, Permissions } from '@app/auth';
import { AuthUser, InstancesPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { NoParams, ValidQuery } from '@app/validation';

/** instances.get: the running processes of every app. */
@Controller('api/v1')
export class InstancesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('instances.get')
  @Permissions('view-statistics')
  get(@CurrentUser() caller: AuthUser, @ValidQuery(NoParams) _: object) {
    return this.rpc.send(InstancesPattern.Get, { caller });
  }
}
