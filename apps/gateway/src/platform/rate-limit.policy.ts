import { ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PermissionStore } from '@app/auth';
import { APP_ENV, GatewayEnv } from '@app/config';
import type { AuthUser } from '@app/contracts';
import { RateLimit, RateLimitPolicy } from '@app/throttling';
import { SettingsReader } from '@app/settings';
import { GATEWAY_SETTING_DEFAULTS, GatewaySettings } from './gateway-settings';

const ROUTE_RATE_LIMIT = 'rc:route-rate-limit';

type FixedRouteLimit = { numRequestsAllowed: number; intervalTimeInMS: number };
/** The limit is a setting's value (read at each call), per the default window (`users.register`). */
type SettingRouteLimit = { limitSetting: NumericGatewaySetting };
type NumericGatewaySetting = {
  [K in keyof GatewaySettings]: GatewaySettings[K] extends number ? K : never;
}[keyof GatewaySettings];

/**
 * Rocket.Chat's `rateLimiterOptions` of a route: a limit of its own (fixed, or a setting's value), or `false`
 * to opt out.
 */
export const RouteRateLimit = (options: FixedRouteLimit | SettingRouteLimit | false) =>
  SetMetadata(ROUTE_RATE_LIMIT, options);

@Injectable()
export class RcRateLimitPolicy extends RateLimitPolicy {
  constructor(
    private readonly reflector: Reflector,
    private readonly settings: SettingsReader,
    private readonly permissions: PermissionStore,
    @Inject(APP_ENV) private readonly env: GatewayEnv,
  ) {
    super();
  }

  async active(): Promise<boolean> {
    if (this.env.TEST_MODE) {
      return false;
    }
    const s = await this.settings.view(GATEWAY_SETTING_DEFAULTS);
    return s.API_Enable_Rate_Limiter && (this.env.NODE_ENV !== 'development' || s.API_Enable_Rate_Limiter_Dev);
  }

  async resolve(context: ExecutionContext, user: AuthUser | undefined): Promise<RateLimit | null> {
    if (this.env.TEST_MODE) {
      return null;
    }
    const route = this.reflector.getAllAndOverride<FixedRouteLimit | SettingRouteLimit | false | undefined>(
      ROUTE_RATE_LIMIT,
      [context.getHandler(), context.getClass()],
    );
    if (route === false) {
      return null;
    }
    const s = await this.settings.view(GATEWAY_SETTING_DEFAULTS);
    if (!s.API_Enable_Rate_Limiter || (this.env.NODE_ENV === 'development' && !s.API_Enable_Rate_Limiter_Dev)) {
      return null;
    }
    if (user && (await this.permissions.hasPermission(user.roles, 'api-bypass-rate-limit'))) {
      return null;
    }
    if (route && 'limitSetting' in route) {
      return { limit: Number(s[route.limitSetting]), ttl: s.API_Enable_Rate_Limiter_Limit_Time_Default };
    }
    if (route) {
      return { limit: route.numRequestsAllowed, ttl: route.intervalTimeInMS };
    }
    return { limit: s.API_Enable_Rate_Limiter_Limit_Calls_Default, ttl: s.API_Enable_Rate_Limiter_Limit_Time_Default };
  }
}
