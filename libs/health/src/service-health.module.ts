import { Controller, DynamicModule, Get, Module, Type } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { MessagePattern } from '@nestjs/microservices';
import { Connection, ConnectionStates } from 'mongoose';
import { HealthResult } from '@app/contracts';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  MongooseHealthIndicator,
  TerminusModule,
} from '@nestjs/terminus';
import { ServiceRuntime } from '@app/transport';
import type Redis from 'ioredis';

/** Liveness (the process answers) and readiness (database, Redis and the request stream reader are up). */
@Controller('health')
export class ServiceHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongoose: MongooseHealthIndicator,
    private readonly indicator: HealthIndicatorService,
  ) {}

  @Get(['live', ''])
  live() {
    return { status: 'ok', service: ServiceRuntime.service, consumer: ServiceRuntime.consumer };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.mongoose.pingCheck('database', { timeout: 2000 }),
      async () => {
        const check = this.indicator.check('redis');
        try {
          const redis = ServiceRuntime.server?.unwrap<Redis>();
          if (!redis || redis.status !== 'ready') {
            return check.down({ connection: redis?.status ?? 'not started' });
          }
          await redis.ping();
          return check.up({
            handled: ServiceRuntime.server?.handledCount,
            reads: ServiceRuntime.server?.readCount,
            inFlight: ServiceRuntime.server?.inFlightCount,
          });
        } catch (e) {
          return check.down({ message: (e as Error).message });
        }
      },
    ]);
  }
}

/** The service's health over the transport (the gateway's readiness asks every service this). */
function rpcHealthController(pattern: string): Type<unknown> {
  @Controller()
  class RpcHealthController {
    constructor(@InjectConnection() private readonly connection: Connection) {}

    @MessagePattern(pattern)
    health(): HealthResult {
      return {
        service: ServiceRuntime.service ?? '',
        consumer: ServiceRuntime.consumer ?? '',
        handled: ServiceRuntime.server?.handledCount ?? 0,
        inFlight: ServiceRuntime.server?.inFlightCount ?? 0,
        database: this.connection.readyState === ConnectionStates.connected ? 'up' : 'down',
      };
    }
  }
  return RpcHealthController;
}

@Module({})
export class ServiceHealthModule {
  /** HTTP probes on HEALTH_PORT plus the `<service>.health` message pattern. */
  static register(healthPattern: string): DynamicModule {
    return {
      module: ServiceHealthModule,
      imports: [TerminusModule],
      controllers: [ServiceHealthController, rpcHealthController(healthPattern)],
    };
  }
}
