import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_ENV, SharedEnv } from '@app/config';
import { RequestContext } from './request-context';

/**
 * pino for every app, at the validated `LOG_LEVEL`. Every line written on behalf of a request carries its
 * `reqId`. No per-request middleware (`forRoutes: []`): request logging would cost every call on the hot path;
 * errors are logged where they are handled.
 */
export function rcLoggerModule(): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [APP_ENV],
    useFactory: (env: SharedEnv) => ({
      pinoHttp: {
        level: env.LOG_LEVEL,
        autoLogging: false,
        mixin: () => {
          const reqId = RequestContext.id();
          return reqId ? { reqId } : {};
        },
      },
      forRoutes: [],
    }),
  });
}
