import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_ENV, SharedEnv } from '@app/config';
import { RequestContext } from './request-context';

/**
 * pino for every app, at the validated `LOG_LEVEL`. With `LOG_REQUEST_IDS=all` every line written on behalf of a
 * request carries its `reqId`; by default the error lines carry theirs explicitly. No per-request middleware
 * (`forRoutes: []`): request logging would cost every call on the hot path; errors are logged where they are
 * handled.
 */
export function rcLoggerModule(): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [APP_ENV],
    useFactory: (env: SharedEnv) => {
      // set before the app takes any request: the gateway's middleware and the transport read it
      RequestContext.track(env.LOG_REQUEST_IDS === 'all');
      return {
        pinoHttp: {
          level: env.LOG_LEVEL,
          autoLogging: false,
          mixin: () => {
            const reqId = RequestContext.id();
            return reqId ? { reqId } : {};
          },
        },
        forRoutes: [],
      };
    },
  });
}
