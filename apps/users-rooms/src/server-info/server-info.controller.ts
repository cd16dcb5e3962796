import { Controller } from '@nestjs/common';
import {
  AuthUser,
  CallerPayload,
  InstancesPattern,
  LicensesInfoPayload,
  LicensesPattern,
  MiscPattern,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { InstancesService } from './instances.service';
import { LicensesService } from './licenses.service';
import { ServerInfoService } from './server-info.service';

/** /api/info, instances.get, licenses.* */
@Controller()
export class ServerInfoController {
  constructor(
    private readonly info: ServerInfoService,
    private readonly instances: InstancesService,
    private readonly licenses: LicensesService,
  ) {}

  @Handles(MiscPattern.ServerInfo)
  get(p: { caller?: AuthUser }) {
    return this.info.info(p.caller);
  }

  @Handles(InstancesPattern.Get)
  instancesGet() {
    return this.instances.list();
  }

  @Handles(LicensesPattern.Info)
  licensesInfo(p: LicensesInfoPayload) {
    return this.licenses.info(p);
  }

  @Handles(LicensesPattern.MaxActiveUsers)
  maxActiveUsers() {
    return this.licenses.maxActiveUsers();
  }

  @Handles(LicensesPattern.IsEnterprise)
  isEnterprise(p: CallerPayload) {
    return this.licenses.isEnterprise(p.caller);
  }
}
