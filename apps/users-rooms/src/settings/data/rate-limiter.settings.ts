import { bool, group, int, section } from './setting-types';

/** Rate Limiter: the REST API limiter the gateway applies (per route + method + client IP), and the DDP one. */
export const RATE_LIMITER_SETTINGS = group('Rate Limiter', [
  section('DDP_Rate_Limiter', [
    bool('DDP_Rate_Limit_IP_Enabled', true),
    int('DDP_Rate_Limit_IP_Requests_Allowed', 120000),
    int('DDP_Rate_Limit_IP_Interval_Time', 60000),
    bool('DDP_Rate_Limit_User_Enabled', true),
    int('DDP_Rate_Limit_User_Requests_Allowed', 1200),
    int('DDP_Rate_Limit_User_Interval_Time', 60000),
    bool('DDP_Rate_Limit_Connection_Enabled', true),
    int('DDP_Rate_Limit_Connection_Requests_Allowed', 600),
    int('DDP_Rate_Limit_Connection_Interval_Time', 60000),
    bool('DDP_Rate_Limit_User_By_Method_Enabled', true),
    int('DDP_Rate_Limit_User_By_Method_Requests_Allowed', 20),
    int('DDP_Rate_Limit_User_By_Method_Interval_Time', 10000),
    bool('DDP_Rate_Limit_Connection_By_Method_Enabled', true),
    int('DDP_Rate_Limit_Connection_By_Method_Requests_Allowed', 10),
    int('DDP_Rate_Limit_Connection_By_Method_Interval_Time', 10000),
  ]),
  section('API_Rate_Limiter', [
    bool('API_Enable_Rate_Limiter', true),
    bool('API_Enable_Rate_Limiter_Dev', true),
    int('API_Enable_Rate_Limiter_Limit_Calls_Default', 10),
    int('API_Enable_Rate_Limiter_Limit_Time_Default', 60000),
  ]),
  section('Feature_Limiting', [int('Rate_Limiter_Limit_RegisterUser', 1)]),
]);
