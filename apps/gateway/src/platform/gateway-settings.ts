import { DEFAULT_PAGING_SETTINGS } from '@app/paging';

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
