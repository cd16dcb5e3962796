import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { parse as parsePlain } from 'node:querystring';
import { parse as parseQs } from 'qs';
import { APP_ENV, GatewayEnv } from '@app/config';
import { EnvelopeExceptionFilter } from '@app/envelope';
import { RequestContext } from '@app/logging';
import { installShutdownTimeout } from '@app/transport';
import { AppModule, GATEWAY_CONTROLLERS } from './app.module';
import { answerClientErrorsInEnvelope } from './platform/client-errors';
import { EnvelopeExpressAdapter } from './platform/envelope.adapter';
import { exactJsonContentType } from './platform/json-content-type';
import { routeTable } from './platform/route-table';

/** `[` or its percent-encoding: the query string has list or object parameters. */
const BRACKETS = /\[|%5b/i;

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule,
    new EnvelopeExpressAdapter(routeTable(GATEWAY_CONTROLLERS)),
    { bodyParser: false, bufferLogs: true },
  );
  app.useLogger(app.get(PinoLogger));
  const env = app.get<GatewayEnv>(APP_ENV);
  app.set('trust proxy', trustProxy(env.TRUST_PROXY));
  app.disable('x-powered-by');
  // `status[]=online&status[]=away` is an array, as Rocket.Chat's clients send lists in query strings; a query
  // without brackets (nearly all) takes node's plain parser, which costs a fraction of qs
  app.set('query parser', (query: string) => (BRACKETS.test(query) ? parseQs(query) : parsePlain(query)));
  app.set('etag', false); // Rocket.Chat's API sends no ETags; hashing every body costs CPU on the hot path
  app.use(exactJsonContentType);
  if (RequestContext.tracking) {
    // LOG_REQUEST_IDS=all: one id per request, carried to every service and printed in every log line written for
    // it (by default only error lines carry ids, explicitly: no middleware, no async context per request)
    app.use((req: { headers: Record<string, string | string[] | undefined> }, _res: unknown, next: () => void) =>
      RequestContext.run(RequestContext.fromHeader(req.headers['x-request-id']), next),
    );
  }
  app.useBodyParser('json', { limit: '10mb' });
  app.useBodyParser('urlencoded', { extended: true, limit: '10mb' });
  app.enableShutdownHooks();
  installShutdownTimeout(env.SHUTDOWN_TIMEOUT_MS);
  const server = app.getHttpServer();
  answerClientErrorsInEnvelope(server);
  server.keepAliveTimeout = env.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  // a request's headers may take as long as an idle connection is kept (node's default is 60 s)
  server.headersTimeout = Math.max(60000, env.HTTP_KEEP_ALIVE_TIMEOUT_MS + 1000);
  await app.listen(env.PORT, env.HOST);
  EnvelopeExceptionFilter.allowedMethods = routeMethods();
  new Logger('gateway').log(`gateway listening on ${await app.getUrl()}`);
}

/** TRUST_PROXY as express's `trust proxy` setting: booleans, a hop count, or a list of addresses/subnets. */
function trustProxy(value: string): boolean | number | string {
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === 'false') {
    return v === 'true';
  }
  return /^\d+$/.test(v) ? Number(v) : value;
}

/** path → HTTP methods, from the controllers' route table (a known path called with another method: 405). */
function routeMethods(): (path: string) => string[] | undefined {
  const table = new Map<string, Set<string>>();
  for (const route of routeTable(GATEWAY_CONTROLLERS)) {
    const methods = table.get(route.path) ?? new Set<string>();
    methods.add(route.method);
    table.set(route.path, methods);
  }
  return (path) => {
    const methods = table.get(path);
    return methods ? [...methods] : undefined;
  };
}

void bootstrap().catch((err) => {
  console.error(err);
  process.exit(1);
});
