/** licenses.*: what a client learns of the server's licence (this server is an unlicensed Community one). */
import type { CallerPayload } from '../common/types';
import { definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const LicensesPattern = definePatterns({
  Info: { pattern: 'licenses.info', service: USERS_ROOMS_SERVICE },
  MaxActiveUsers: { pattern: 'licenses.maxActiveUsers', service: USERS_ROOMS_SERVICE },
  IsEnterprise: { pattern: 'licenses.isEnterprise', service: USERS_ROOMS_SERVICE },
});

export interface LicensesInfoPayload extends CallerPayload {
  /** with `view-privileged-setting`: the current value of each limit too */
  loadValues?: boolean;
}

export interface LicenseLimit {
  /** -1: no limit */
  max: number;
  value?: number;
}

/** Rocket.Chat's LicenseInfo for a workspace without a licence. */
export interface LicenseInfo {
  license?: Record<string, unknown>;
  activeModules: string[];
  externalModules: string[];
  preventedActions: Record<string, boolean>;
  limits: Record<string, LicenseLimit>;
  tags: { name: string; color: string }[];
  trial: boolean;
  hasValidLicense: boolean;
}

declare module '../registry' {
  interface RcContract {
    [LicensesPattern.Info]: { payload: LicensesInfoPayload; result: { license: LicenseInfo } };
    [LicensesPattern.MaxActiveUsers]: {
      payload: CallerPayload;
      result: { maxActiveUsers: number | null; activeUsers: number };
    };
    [LicensesPattern.IsEnterprise]: { payload: CallerPayload; result: { isEnterprise: boolean } };
  }
}
