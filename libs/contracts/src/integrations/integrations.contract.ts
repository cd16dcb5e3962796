import { HealthResult } from '../common/types';

export const INTEGRATIONS_SERVICE = 'integrations';

export const IntegrationsPattern = {
  Health: 'integrations.health',
} as const;

export interface IntegrationsContract {
  [IntegrationsPattern.Health]: { payload: Record<string, never>; result: HealthResult };
}
