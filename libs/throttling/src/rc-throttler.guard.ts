import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { ThrottlerRequest } from '@nestjs/throttler/dist/throttler.guard.interface';
import type { AuthUser } from '@app/contracts';
import { RcError } from '@app/envelope';

export interface RateLimit {
  /** calls allowed per window */
  limit: number;
  /** window in milliseconds */
  ttl: number;
}

/**
 * What the limiter asks the application: whether limiting is on (Rocket.Chat's `API_Enable_Rate_Limiter*`
 * settings, TEST_MODE), the limit of a route, and whether the caller bypasses it (`api-bypass-rate-limit`).
 */
export abstract class RateLimitPolicy {
  /** Whether limiting is on at all (off: the guard does nothing, not even its route look-ups). */
  abstract active(): Promise<boolean>;
  abstract resolve(context: ExecutionContext, user: AuthUser | undefined): Promise<RateLimit | null>;
}

/**
 * Rocket.Chat's API rate limiter on @nestjs/throttler: N calls per window per route + method + client IP,
 * counters in Redis, headers `x-ratelimit-limit`, `x-ratelimit-remaining`, `x-ratelimit-reset` (epoch ms),
 * and 429 `error-too-many-requests` beyond the limit.
 */
@Injectable()
export class RcThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly policy: RateLimitPolicy,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    return (await this.policy.active()) ? super.canActivate(context) : true;
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const { context, throttler } = props;
    const { req, res } = this.getRequestResponse(context);
    const limits = await this.policy.resolve(context, req.user as AuthUser | undefined);
    if (!limits) {
      return true;
    }
    const route = `${req.method as string} ${(req.route?.path as string | undefined) ?? (req.path as string)}`;
    const ip = (req.ip as string | undefined) ?? 'unknown';
    const key = `${route}:${ip}`;
    const name = throttler.name ?? 'default';
    let record: Awaited<ReturnType<ThrottlerStorage['increment']>>;
    try {
      record = await this.storageService.increment(key, limits.ttl, limits.limit, 0, name);
    } catch (err) {
      // Redis unreachable: serve the request unlimited rather than fail it (the limiter protects, it must not
      // take the API down with it)
      this.logger.warn(`rate limiter unavailable: ${(err as Error).message}`);
      return true;
    }
    const reset = Date.now() + record.timeToExpire * 1000;
    res.header('x-ratelimit-limit', String(limits.limit));
    res.header('x-ratelimit-remaining', String(Math.max(0, limits.limit - record.totalHits)));
    res.header('x-ratelimit-reset', String(reset));
    if (record.totalHits > limits.limit) {
      const seconds = Math.max(1, record.timeToExpire);
      throw new RcError(
        'error-too-many-requests',
        `Error, too many requests. Please slow down. You must wait ${seconds} seconds before trying this endpoint again.`,
        { timeToReset: seconds * 1000 },
        'too-many-requests',
      );
    }
    return true;
  }
}
