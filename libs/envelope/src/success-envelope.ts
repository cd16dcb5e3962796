import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Observable, map } from 'rxjs';

const RAW_RESPONSE = 'rc:raw-response';

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

@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    // Rocket.Chat answers every success with 200, POST included (Nest's default for POST is 201)
    const res = context.switchToHttp().getResponse<{ statusCode: number; status(code: number): unknown }>();
    if (res?.statusCode === 201) {
      res.status(200);
    }
    const raw = this.reflector.get<boolean>(RAW_RESPONSE, context.getHandler());
    return raw ? next.handle() : next.handle().pipe(map(successEnvelope));
  }
}
