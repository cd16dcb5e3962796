import { SetMetadata } from '@nestjs/common';

/** Route metadata: the handler's result is already the full body (login/logout `{status, data}`, SVG, redirects). */
export const RAW_RESPONSE = 'rc:raw-response';

/** Marks a handler whose result is already the full body (login/logout `{status, data}`, SVG, redirects). */
export const RawResponse = () => SetMetadata(RAW_RESPONSE, true);

/**
 * Rocket.Chat's success envelope: the payload's keys at top level plus `success: true`. Arrays and primitives
 * go out as they are, as Rocket.Chat's `API.v1.success` does.
 */
export function successEnvelope(result: unknown): unknown {
  if (result === undefined || result === null) {
    return { success: true };
  }
  if (typeof result !== 'object' || Array.isArray(result)) {
    return result;
  }
  return { ...(result as Record<string, unknown>), success: true };
}
