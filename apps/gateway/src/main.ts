import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { APP_ENV, GatewayEnv } from '@app/config';
import { installShutdownTimeout } from '@app/transport';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  const env = app.get<GatewayEnv>(APP_ENV);
  app.set('trust proxy', env.TRUST_PROXY);
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: '10mb' });
  app.useBodyParser('urlencoded', { extended: true, limit: '10mb' });
  app.enableCors();
  app.enableShutdownHooks();
  installShutdownTimeout(env.SHUTDOWN_TIMEOUT_MS);
  await app.listen(env.PORT, env.HOST);
  new Logger('gateway').log(`gateway listening on ${await app.getUrl()}`);
}

void bootstrap().catch((err) => {
  console.error(err);
  process.exit(1);
});
