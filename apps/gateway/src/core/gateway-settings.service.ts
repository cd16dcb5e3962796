import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { RcEvent, UsersRoomsPattern } from '@app/contracts';
import { DEFAULT_PAGING_SETTINGS, PagingSettings } from '@app/paging';
import { EventBus, RpcClient } from '@app/transport';

/** The settings the gateway itself applies (paging, rate limiter), with Rocket.Chat's defaults. */
export const GATEWAY_SETTING_DEFAULTS = {
  ...DEFAULT_PAGING_SETTINGS,
  API_Enable_Rate_Limiter: true,
  API_Enable_Rate_Limiter_Dev: true,
  API_Enable_Rate_Limiter_Limit_Calls_Default: 10,
  API_Enable_Rate_Limiter_Limit_Time_Default: 60000,
  /** users.register's own limiter (calls per `API_Enable_Rate_Limiter_Limit_Time_Default`) */
  Rate_Limiter_Limit_RegisterUser: 1,
};

export type GatewaySettings = typeof GATEWAY_SETTING_DEFAULTS;

/**
 * An in-process copy of the settings the gateway needs, asked once of users-rooms (the owner) and dropped
 * when any replica publishes `settings.changed`. While the owner cannot be reached, the last copy (or the
 * defaults) is used, so paging and limiting never block a request.
 */
@Injectable()
export class GatewaySettingsService implements OnModuleInit {
  private readonly logger = new Logger(GatewaySettingsService.name);
  private current: GatewaySettings = { ...GATEWAY_SETTING_DEFAULTS };
  private fresh = false;
  private loading?: Promise<void>;

  constructor(
    private readonly rpc: RpcClient,
    private readonly events: EventBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.events.subscribe((event) => {
      if (event === RcEvent.SettingsChanged) {
        this.fresh = false;
      }
    });
  }

  async get(): Promise<GatewaySettings> {
    if (!this.fresh) {
      this.loading ??= this.load().finally(() => (this.loading = undefined));
      await this.loading;
    }
    return this.current;
  }

  async paging(): Promise<PagingSettings> {
    return this.get();
  }

  private async load(): Promise<void> {
    try {
      const values = await this.rpc.send(
        UsersRoomsPattern.SettingsGet,
        { ids: Object.keys(GATEWAY_SETTING_DEFAULTS) },
        2000,
      );
      const next: Record<string, unknown> = { ...GATEWAY_SETTING_DEFAULTS };
      for (const [k, v] of Object.entries(values)) {
        if (v !== undefined && v !== null) {
          next[k] = v;
        }
      }
      this.current = next as GatewaySettings;
      this.fresh = true;
    } catch (err) {
      this.logger.warn(`settings not refreshed: ${(err as Error).message}`);
    }
  }
}
