import { Controller, Get } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, LicensesPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { isTrue, NoParams, ValidQuery } from '@app/validation';
import { LicensesInfoDto } from './dto/licenses.dto';

/** licenses.info, licenses.maxActiveUsers, licenses.isEnterprise (an unlicensed Community server). */
@Controller('api/v1')
export class LicensesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('licenses.info')
  info(@CurrentUser() caller: AuthUser, @ValidQuery(LicensesInfoDto) { loadValues }: LicensesInfoDto) {
    return this.rpc.send(LicensesPattern.Info, { caller, loadValues: isTrue(loadValues) });
  }

  @Get('licenses.maxActiveUsers')
  maxActiveUsers(@CurrentUser() caller: AuthUser, @ValidQuery(NoParams) _: object) {
    return this.rpc.send(LicensesPattern.MaxActiveUsers, { caller });
  }

  @Get('licenses.isEnterprise')
  isEnterprise(@CurrentUser() caller: AuthUser, @ValidQuery(NoParams) _: object) {
    return this.rpc.send(LicensesPattern.IsEnterprise, { caller });
  }
}
