import { APP_ENV, ServiceEnv } from '@app/config';
import { INestApplication, Logger } from '@nestjs/common';
import { BaseExceptionFilter, HttpAdapterHost, NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { ServiceExceptionFilter } from './dependency-outage';
import { RedisStreamsServer } from './redis-streams.server';

/** The running service's transport server, for health checks and counters. */
export const ServiceRuntime: { server?: RedisStreamsServer; service?: string; consumer?: string } = {};

/**
 * Starts a service: its message handlers on the Redis Streams transport (exactly one replica handles each
 * request), plus a small HTTP listener on HEALTH_PORT for liveness/readiness probes only.
 * SIGTERM: stop reading, finish and acknowledge in-flight requests, close the database, exit.
 */
export async function bootstrapService(module: unknown, service: string): Promise<INestApplication> {
  const app = await NestFactory.create(module as never, { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  const env = app.get<ServiceEnv>(APP_ENV);
  const server = new RedisStreamsServer({
    redisUrl: env.REDIS_URL,
    prefix: env.RC_REDIS_PREFIX,
    service,
    consumer: env.RPC_CONSUMER_NAME,
    claimIdleMs: env.RPC_CLAIM_IDLE_MS,
    concurrency: env.RPC_CONCURRENCY,
    lingerMs: env.RPC_READ_LINGER_MS,
  });
  ServiceRuntime.server = server;
  ServiceRuntime.service = service;
  ServiceRuntime.consumer = env.RPC_CONSUMER_NAME;
  // the microservice shares the app's configuration (inheritAppConfig), so one filter serves both contexts
  app.useGlobalFilters(new ServiceExceptionFilter(new BaseExceptionFilter(app.get(HttpAdapterHost).httpAdapter)));
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  app.enableShutdownHooks();
  installShutdownTimeout(env.SHUTDOWN_TIMEOUT_MS);
  await app.startAllMicroservices();
  await app.listen(env.HEALTH_PORT, '0.0.0.0');
  const url = await app.getUrl();
  new Logger(service).log(`${service} consumer ${env.RPC_CONSUMER_NAME} ready; health on ${url}/health`);
  return app;
}

/** If a graceful shutdown hangs, exit anyway after the timeout. */
export function installShutdownTimeout(ms: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => process.exit(0), ms).unref();
    });
  }
}
