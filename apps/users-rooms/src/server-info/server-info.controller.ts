import { Controller } from '@nestjs/common';
import { AuthUser, MiscPattern } from '@app/contracts';
import { Handles } from '@app/transport';
import { ServerInfoService } from './server-info.service';

@Controller()
export class ServerInfoController {
  constructor(private readonly info: ServerInfoService) {}

  @Handles(MiscPattern.ServerInfo)
  get(p: { caller?: AuthUser }) {
    return this.info.info(p.caller);
  }
}
