import { HealthResult } from '../common/types';

export const LIVECHAT_SERVICE = 'livechat';

export const LivechatPattern = {
  Health: 'livechat.health',
} as const;

export interface LivechatContract {
  [LivechatPattern.Health]: { payload: Record<string, never>; result: HealthResult };
}
