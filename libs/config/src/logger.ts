import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

/**
 * pino for every app. No per-request middleware (`forRoutes: []`): request logging would cost every call
 * on the hot path; errors are logged where they are handled.
 */
export function rcLoggerModule(): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: { level: process.env.LOG_LEVEL ?? 'info', autoLogging: false },
    forRoutes: [],
  });
}
