import { Injectable } from '@nestjs/common';
import { AuthUser, LicenseInfo, LicenseLimit, LicensesInfoPayload } from '@app/contracts';
import { AuthorizationService } from '../authorization/authorization.service';
import { UsersRepository } from '../users/users.repository';

/**
 * The limits a Community workspace runs with (-1: none). Rocket.Chat's Community edition caps the apps one
 * may install; this server runs no apps, so their counts are 0.
 */
const COMMUNITY_LIMITS: Record<string, number> = {
  activeUsers: -1,
  guestUsers: -1,
  roomsPerGuest: -1,
  privateApps: 3,
  marketplaceApps: 5,
  monthlyActiveContacts: -1,
};

/**
 * licenses.info, licenses.maxActiveUsers, licenses.isEnterprise, answered as an unlicensed Community server
 * answers them, so clients that look for a licence take their ordinary path.
 */
@Injectable()
export class LicensesService {
  constructor(
    private readonly users: UsersRepository,
    private readonly authorization: AuthorizationService,
  ) {}

  /** Rocket.Chat's getActiveLocalUserCount: active accounts, apps and guests-only accounts left out. */
  private activeUsers(): Promise<number> {
    return this.users.count({ active: true, type: { $nin: ['app'] }, roles: { $ne: ['guest'] } });
  }

  private guests(): Promise<number> {
    return this.users.count({ active: true, roles: ['guest'] });
  }

  /** licenses.info: the limits (with current values on `loadValues`) only for `view-privileged-setting`. */
  async info(p: LicensesInfoPayload): Promise<{ license: LicenseInfo }> {
    const privileged = await this.authorization.hasPermission(p.caller.roles, 'view-privileged-setting');
    const limits: Record<string, LicenseLimit> = {};
    if (privileged) {
      const values: Record<string, number> = p.loadValues
        ? { activeUsers: await this.activeUsers(), guestUsers: await this.guests() }
        : {};
      for (const [kind, max] of Object.entries(COMMUNITY_LIMITS)) {
        limits[kind] = { max, ...(p.loadValues ? { value: values[kind] ?? 0 } : {}) };
      }
    }
    return {
      license: {
        activeModules: [],
        externalModules: [],
        preventedActions: Object.fromEntries(Object.keys(COMMUNITY_LIMITS).map((kind) => [kind, false])),
        limits,
        tags: [],
        trial: false,
        hasValidLicense: false,
      },
    };
  }

  /** licenses.maxActiveUsers: no cap (`null`), and how many active users there are. */
  async maxActiveUsers(): Promise<{ maxActiveUsers: number | null; activeUsers: number }> {
    return { maxActiveUsers: null, activeUsers: await this.activeUsers() };
  }

  /** licenses.isEnterprise (deprecated in 7.0, still asked by older clients) */
  isEnterprise(_caller: AuthUser): { isEnterprise: boolean } {
    return { isEnterprise: false };
  }
}
