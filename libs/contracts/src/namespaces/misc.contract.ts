/** Server-wide endpoints: `/api/info` (later directory, spotlight, statistics). */
import type { AuthUser } from '../common/types';
import { definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const MiscPattern = definePatterns({
  ServerInfo: { pattern: 'info', service: USERS_ROOMS_SERVICE },
});

/** `/api/info` as Rocket.Chat 7.x answers it: `version` always, the rest for `view-statistics` holders. */
export interface ServerInfoResult {
  version: string;
  info?: Record<string, unknown>;
  minimumClientVersions?: { desktop: string; mobile: string };
  [extra: string]: unknown;
}

declare module '../registry' {
  interface RcContract {
    [MiscPattern.ServerInfo]: { payload: { caller?: AuthUser }; result: ServerInfoResult };
  }
}
