/**
 * The second baseline of the benchmark: a bare Nest application on express (the gateway's framework and adapter)
 * with one guard-free `GET /` answering `{"success":true}`: what the framework itself costs per request, so the
 * gateway's own cost can be read as a multiple of it. Forked by `bench/run.ts`
 * (`node dist/bench/nest-baseline-server.js <port>`); tells the parent `ready` over IPC and exits when it goes away.
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  process.stderr.write('usage: nest-baseline-server.js <port>\n');
  process.exit(2);
}

@Controller()
class BaselineController {
  @Get()
  root(): { success: boolean } {
    return { success: true };
  }
}

@Module({ controllers: [BaselineController] })
class BaselineModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BaselineModule, { logger: false });
  await app.listen(port, '127.0.0.1');
  if (process.send) {
    process.send('ready');
  } else {
    process.stdout.write(`nest baseline listening on http://127.0.0.1:${port}\n`);
  }
  const close = (): void => {
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
  process.on('disconnect', close);
}

void main();
