import { Controller, Get } from '@nestjs/common';
import { CurrentUser, OptionalAuth } from '@app/auth';
import { AuthUser, MiscPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { NoParams, ValidQuery } from '@app/validation';

/** `/api/info` (outside /api/v1). */
@Controller('api')
export class InfoController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('info')
  @OptionalAuth()
  info(@CurrentUser() user: AuthUser | undefined, @ValidQuery(NoParams) _: object) {
    return this.rpc.send(MiscPattern.ServerInfo, { caller: user });
  }
}
