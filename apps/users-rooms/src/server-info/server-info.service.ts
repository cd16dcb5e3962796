import { Injectable, OnModuleInit } from '@nestjs/common';
import { arch, cpus, freemem, platform, release, totalmem } from 'node:os';
import { AuthUser, RC_COMPAT_VERSION, ServerInfoResult } from '@app/contracts';
import { AuthorizationService } from '../authorization/authorization.service';
import { buildDate, CommitInfo, readCommitInfo } from './build-info';

/** The oldest desktop and mobile apps this server supports (Rocket.Chat 7.0's values). */
const MINIMUM_CLIENT_VERSIONS = { desktop: '3.9.6', mobile: '4.39.0' };

/**
 * /api/info, as Rocket.Chat 7.x answers it: "major.minor" and the minimum client versions for everyone; the
 * full version and `info` (version, build, commit) for callers with `view-statistics`.
 */
@Injectable()
export class ServerInfoService implements OnModuleInit {
  private commit: CommitInfo = {};
  private readonly builtAt = buildDate();

  constructor(private readonly authorization: AuthorizationService) {}

  async onModuleInit(): Promise<void> {
    this.commit = await readCommitInfo(__dirname);
  }

  async info(caller?: AuthUser): Promise<ServerInfoResult> {
    const [major, minor] = RC_COMPAT_VERSION.split('.');
    if (!caller || !(await this.authorization.hasPermission(caller.roles, 'view-statistics'))) {
      return { version: `${major}.${minor}`, minimumClientVersions: MINIMUM_CLIENT_VERSIONS };
    }
    return {
      version: RC_COMPAT_VERSION,
      info: {
        version: RC_COMPAT_VERSION,
        build: {
          date: this.builtAt,
          nodeVersion: process.version,
          arch: arch(),
          platform: platform(),
          osRelease: release(),
          totalMemory: totalmem(),
          freeMemory: freemem(),
          cpus: cpus().length,
        },
        marketplaceApiVersion: '1.1.0',
        commit: this.commit,
      },
      minimumClientVersions: MINIMUM_CLIENT_VERSIONS,
    };
  }
}
