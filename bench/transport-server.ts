/**
 * Server side of the transport benchmark (`bench/transport.ts`): one Nest microservice answering
 *   bench.ping              its payload, unchanged (and counts it)
 *   bench.cpu               process.cpuUsage() plus the number of pings this process has handled
 *   bench.cpu.<replica>     the same, from this replica only (so that the parent can ask each replica in turn)
 *
 * Usage: `node dist/bench/transport-server.js <streams|builtin> <redisUrl> <replica>`. Forked by the parent, it says
 * `ready` over IPC once listening, and stops on SIGTERM/SIGINT or when the parent goes away.
 *
 * streams: our RedisStreamsServer on the service stream `bench`, consumer `<replica>`; plus a second microservice on a
 *          stream of its own (`bench-ctl-<replica>`) that only serves `bench.cpu.<replica>`: a consumer group hands
 *          each request to one replica of its choice, so a request meant for one replica needs a stream of its own.
 * builtin: Nest's Transport.REDIS (pub/sub): every process subscribes to the channel of each of its patterns, so
 *          `bench.cpu.<replica>` reaches that replica only, and `bench.ping` reaches all of them.
 */
import { RedisStreamsServer } from '@app/transport';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, MicroserviceOptions, Payload, Transport } from '@nestjs/microservices';

const [mode, redisUrl, replica] = process.argv.slice(2);
if ((mode !== 'streams' && mode !== 'builtin') || !redisUrl || !replica) {
  process.stderr.write('usage: transport-server.js <streams|builtin> <redisUrl> <replica>\n');
  process.exit(2);
}

/** What `bench.cpu` answers. */
export interface BenchCpuReply {
  replica: string;
  pid: number;
  /** process.cpuUsage(), µs */
  user: number;
  system: number;
  /** `bench.ping` requests handled by this process since it started */
  pings: number;
}

let pings = 0;

@Controller()
class BenchController {
  @MessagePattern('bench.ping')
  ping(@Payload() data: unknown): unknown {
    pings++;
    return data;
  }

  @MessagePattern(['bench.cpu', `bench.cpu.${replica}`])
  cpu(): BenchCpuReply {
    return { replica, pid: process.pid, ...process.cpuUsage(), pings };
  }
}

@Module({ controllers: [BenchController] })
class BenchModule {}

function streamsServer(service: string, consumer: string): RedisStreamsServer {
  return new RedisStreamsServer({
    redisUrl,
    prefix: 'bench',
    service,
    consumer,
    claimIdleMs: 3000,
    concurrency: 256,
  });
}

function builtinOptions(): MicroserviceOptions {
  const url = new URL(redisUrl);
  return { transport: Transport.REDIS, options: { host: url.hostname, port: Number(url.port || 6379) } };
}

const apps: INestMicroservice[] = [];

async function main(): Promise<void> {
  const logger = ['error', 'warn'] as const;
  if (mode === 'streams') {
    apps.push(
      await NestFactory.createMicroservice<MicroserviceOptions>(BenchModule, {
        strategy: streamsServer('bench', replica),
        logger: [...logger],
      }),
      await NestFactory.createMicroservice<MicroserviceOptions>(BenchModule, {
        strategy: streamsServer(`bench-ctl-${replica}`, replica),
        logger: [...logger],
      }),
    );
  } else {
    apps.push(
      await NestFactory.createMicroservice<MicroserviceOptions>(BenchModule, {
        ...builtinOptions(),
        logger: [...logger],
      }),
    );
  }
  for (const app of apps) {
    await app.listen();
  }
  if (process.send) {
    process.send('ready');
  } else {
    process.stderr.write(`transport-server ${mode} ${replica} listening on ${redisUrl}\n`);
  }
}

let stopping = false;
function stop(): void {
  if (stopping) {
    return;
  }
  stopping = true;
  setTimeout(() => process.exit(0), 3000).unref();
  void Promise.allSettled(apps.map((app) => app.close())).finally(() => process.exit(0));
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);

main().catch((err: Error) => {
  process.stderr.write(`transport-server ${mode} ${replica}: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
