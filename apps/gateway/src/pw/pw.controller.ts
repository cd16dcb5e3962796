import { Controller, Get } from '@nestjs/common';
import { CurrentUser, Public } from '@app/auth';
import { AuthUser, PwPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { NoParams, ValidQuery } from '@app/validation';
import { PwGetPolicyResetDto } from './dto/pw.dto';

/** pw.getPolicy, pw.getPolicyReset: the password policy (`Accounts_Password_Policy_*`). */
@Controller('api/v1')
export class PwController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('pw.getPolicy')
  getPolicy(@CurrentUser() caller: AuthUser, @ValidQuery(NoParams) _: object) {
    return this.rpc.send(PwPattern.GetPolicy, { caller });
  }

  /** For someone who is not logged in but holds a password-reset link. */
  @Get('pw.getPolicyReset')
  @Public()
  getPolicyReset(@ValidQuery(PwGetPolicyResetDto) dto: PwGetPolicyResetDto) {
    return this.rpc.send(PwPattern.GetPolicyReset, dto);
  }
}
