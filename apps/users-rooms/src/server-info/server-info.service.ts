import { Injectable } from '@nestjs/common';
import { arch, cpus, freemem, platform, release, totalmem } from 'node:os';
import { AuthUser, RC_COMPAT_VERSION, ServerInfoResult } from '@app/contracts';
import { AuthorizationService } from '../authorization/authorization.service';

/** /api/info, as Rocket.Chat 7.x answers it: "major.minor" for everyone, details for `view-statistics`. */
@Injectable()
export class ServerInfoService {
  constructor(private readonly authorization: AuthorizationService) {}

  async info(caller?: AuthUser): Promise<ServerInfoResult> {
    const [major, minor] = RC_COMPAT_VERSION.split('.');
    const short = `${major}.${minor}`;
    if (!caller || !(await this.authorization.hasPermission(caller.roles, 'view-statistics'))) {
      return { version: short };
    }
    return {
      version: RC_COMPAT_VERSION,
      info: {
        version: RC_COMPAT_VERSION,
        build: {
          date: new Date().toISOString(),
          nodeVersion: process.version,
          arch: arch(),
          platform: platform(),
          osRelease: release(),
          totalMemory: totalmem(),
          freeMemory: freemem(),
          cpus: cpus().length,
        },
        marketplaceApiVersion: '1.1.0',
      },
      minimumClientVersions: { desktop: '3.9.6', mobile: '4.39.0' },
    };
  }
}
