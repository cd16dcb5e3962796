import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AuthUser, UsersRoomsPattern } from '@app/contracts';
import { ServerInfoService } from './server-info.service';

@Controller()
export class ServerInfoController {
  constructor(private readonly info: ServerInfoService) {}

  @MessagePattern(UsersRoomsPattern.ServerInfo)
  get(@Payload() p: { caller?: AuthUser }) {
    return this.info.info(p.caller);
  }
}
