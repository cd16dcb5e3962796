import { Controller, Get } from '@nestjs/common';
import { CurrentUser, OptionalAuth } from '@app/auth';
import { AuthUser, UsersRoomsPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';

@Controller('api')
export class InfoController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('info')
  @OptionalAuth()
  info(@CurrentUser() user?: AuthUser) {
    return this.rpc.send(UsersRoomsPattern.ServerInfo, { caller: user });
  }
}
