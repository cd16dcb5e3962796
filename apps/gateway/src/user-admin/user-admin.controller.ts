import { Controller } from '@nestjs/common';
import { RpcClient } from '@app/transport';

@Controller('api/v1')
export class UserAdminController {
  constructor(private readonly rpc: RpcClient) {}
}
