import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { APP_ENV, GatewayEnv } from '@app/config';
import { EnvelopeExceptionFilter } from '@app/envelope';
import { installShutdownTimeout } from '@app/transport';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  const env = app.get<GatewayEnv>(APP_ENV);
  app.set('trust proxy', trustProxy(env.TRUST_PROXY));
  app.disable('x-powered-by');
  app.set('etag', false); // Rocket.Chat's API sends no ETags; hashing every body costs CPU on the hot path
  app.useBodyParser('json', { limit: '10mb' });
  app.useBodyParser('urlencoded', { extended: true, limit: '10mb' });
  app.enableShutdownHooks();
  installShutdownTimeout(env.SHUTDOWN_TIMEOUT_MS);
  await app.listen(env.PORT, env.HOST);
  EnvelopeExceptionFilter.allowedMethods = routeMethods(app);
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

/** path → HTTP methods, from the express router once every controller is mapped. */
function routeMethods(app: NestExpressApplication): (path: string) => string[] | undefined {
  type Layer = { route?: { path: string; methods: Record<string, boolean> } };
  const instance = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const table = new Map<string, Set<string>>();
  for (const layer of (instance.router ?? instance._router)?.stack ?? []) {
    if (layer.route) {
      const methods = table.get(layer.route.path) ?? new Set<string>();
      Object.keys(layer.route.methods).forEach((m) => methods.add(m.toUpperCase()));
      table.set(layer.route.path, methods);
    }
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
