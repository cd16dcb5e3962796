import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { Public } from '@app/auth';
import { HEALTH_PATTERN, SERVICES } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { RouteRateLimit } from '../platform/rate-limit.policy';

/** Liveness (the process answers) and readiness (Redis answers and every service replies over the transport). */
@Controller('health')
@Public()
@RouteRateLimit(false)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly rpc: RpcClient,
  ) {}

  @Get(['live', ''])
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      async () => {
        const check = this.indicator.check('redis');
        try {
          await this.rpc.proxy.unwrap<Redis>().ping();
          return check.up();
        } catch (e) {
          return check.down({ message: (e as Error).message });
        }
      },
      ...SERVICES.map((service) => async () => {
        const check = this.indicator.check(service);
        try {
          const h = await this.rpc.send(HEALTH_PATTERN[service], {}, 2000);
          const r = h as { database?: string; consumer?: string };
          return r.database === 'up'
            ? check.up({ consumer: r.consumer })
            : check.down({ database: r.database ?? 'unknown' });
        } catch (e) {
          return check.down({ message: (e as Error).message });
        }
      }),
    ]);
  }
}
