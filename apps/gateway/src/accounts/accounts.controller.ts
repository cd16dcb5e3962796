import { Controller } from '@nestjs/common';
import { RpcClient } from '@app/transport';

@Controller('api/v1')
export class AccountsController {
  constructor(private readonly rpc: RpcClient) {}
}
