/**
 * The Redis Streams transport on its own, against the real Redis of the e2e run: exactly-once delivery over
 * several servers, deadlines, claiming a dead consumer's pending request, malformed entries.
 */
import { Controller, INestMicroservice, LoggerService, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import Redis from 'ioredis';
import { firstValueFrom } from 'rxjs';
import {
  callIdOf,
  CallFailure,
  RedisStreamsClient,
  RedisStreamsServer,
  requestStream,
  StreamsContext,
} from '@app/transport';
import { readState } from './helpers/state';

const seen: { requestId: string; n: number; redelivered: boolean }[] = [];

@Controller()
class EchoController {
  @MessagePattern('t.echo')
  echo(@Payload() p: { n: number }, @Ctx() ctx: StreamsContext) {
    seen.push({ requestId: ctx.getRequestId(), n: p.n, redelivered: ctx.isRedelivered() });
    // the payload carries the call id too, for code that holds only the payload
    return { n: p.n, requestId: ctx.getRequestId(), callId: callIdOf(p) };
  }

  @MessagePattern('t.slow')
  async slow(@Payload() p: { n: number; ms: number }) {
    await new Promise((r) => setTimeout(r, p.ms));
    return { n: p.n };
  }

  @MessagePattern('t.fail')
  fail(@Payload() p: { n: number }, @Ctx() ctx: StreamsContext) {
    seen.push({ requestId: ctx.getRequestId(), n: p.n, redelivered: ctx.isRedelivered() });
    throw new Error('boom');
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

describe('Redis Streams transport', () => {
  const prefix = `t${Date.now()}`;
  const service = 'echo';
  let redisUrl: string;
  let redis: Redis;
  const servers: INestMicroservice[] = [];

  async function startServer(
    consumer: string,
    claimIdleMs = 60_000,
    logger: false | LoggerService = false,
    lingerMs = 0,
  ): Promise<RedisStreamsServer> {
    const strategy = new RedisStreamsServer({
      redisUrl,
      prefix,
      service,
      consumer,
      claimIdleMs,
      concurrency: 16,
      blockMs: 200,
      lingerMs,
    });
    const app = await NestFactory.createMicroservice(EchoModule, { strategy, logger });
    await app.listen();
    servers.push(app);
    return strategy;
  }

  /**
   * A server replies first and acknowledges (XACK + XDEL, batched per event-loop turn) just after: a caller holding
   * its reply may look at the stream before the acknowledgement lands. Waits until nothing is in flight.
   */
  async function acknowledged(...strategies: RedisStreamsServer[]): Promise<void> {
    for (let i = 0; i < 100 && strategies.some((s) => s.inFlightCount > 0); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  function client(timeoutMs = 3000): RedisStreamsClient {
    return new RedisStreamsClient({ redisUrl, prefix, serviceOf: () => service, timeoutMs, maxLen: 10_000 });
  }

  beforeAll(() => {
    redisUrl = readState().redisUrl;
    redis = new Redis(redisUrl);
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    seen.length = 0;
  });

  afterAll(async () => {
    await redis.quit();
  });

  it('hands each request to exactly one of several servers and replies to the caller', async () => {
    const a = await startServer('a');
    const b = await startServer('b');
    const c = client();
    await c.connect();
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        firstValueFrom(c.send<{ n: number; requestId: string; callId?: string }>('t.echo', { n })),
      ),
    );
    expect(replies.map((r) => r.n)).toEqual(Array.from({ length: 200 }, (_, n) => n));
    expect(replies.every((r) => r.callId === r.requestId)).toBe(true);
    expect(seen).toHaveLength(200);
    expect(new Set(seen.map((s) => s.n)).size).toBe(200);
    expect(a.handledCount + b.handledCount).toBe(200);
    expect(a.handledCount).toBeGreaterThan(0);
    expect(b.handledCount).toBeGreaterThan(0);
    // acknowledged and deleted: nothing pending, the stream does not grow
    await acknowledged(a, b);
    expect(a.inFlightCount + b.inFlightCount).toBe(0);
    expect(await redis.xlen(requestStream(prefix, service))).toBe(0);
    await c.close();
  });

  it('drops a request whose caller has given up', async () => {
    await startServer('a');
    await redis.xadd(
      requestStream(prefix, service),
      '*',
      'id',
      'late-1',
      'pattern',
      't.echo',
      'data',
      '{"n":1}',
      'reply',
      `${prefix}:reply:nobody`,
      'deadline',
      String(Date.now() - 1),
    );
    await new Promise((r) => setTimeout(r, 800));
    expect(seen).toHaveLength(0);
    const pending = (await redis.xpending(requestStream(prefix, service), service)) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
  });

  it('claims the pending request of a dead consumer and answers it once', async () => {
    const stream = requestStream(prefix, service);
    await redis.xgroup('CREATE', stream, service, '0', 'MKSTREAM').catch(() => undefined);
    const sub = new Redis(redisUrl);
    const replyChannel = `${prefix}:reply:claim-test`;
    const replies: string[] = [];
    sub.on('message', (_c: string, m: string) => replies.push(m));
    await sub.subscribe(replyChannel);
    await redis.xadd(
      stream,
      '*',
      'id',
      'req-claimed',
      'pattern',
      't.echo',
      'data',
      '{"n":42}',
      'reply',
      replyChannel,
      'deadline',
      String(Date.now() + 10_000),
    );
    // a consumer reads it and dies without acknowledging
    await redis.xreadgroup('GROUP', service, 'dead', 'COUNT', 10, 'STREAMS', stream, '>');
    await startServer('survivor', 300);
    for (let i = 0; i < 40 && replies.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(replies).toHaveLength(1);
    expect(JSON.parse(replies[0])).toEqual({
      id: 'req-claimed',
      response: { n: 42, requestId: 'req-claimed', callId: 'req-claimed' },
      isDisposed: true,
    });
    expect(seen).toEqual([{ requestId: 'req-claimed', n: 42, redelivered: true }]);
    await sub.quit();
  });

  it('acknowledges a malformed entry with an error reply instead of leaving it pending', async () => {
    const server = await startServer('a', 300);
    const sub = new Redis(redisUrl);
    const replyChannel = `${prefix}:reply:malformed`;
    const replies: string[] = [];
    sub.on('message', (_c: string, m: string) => replies.push(m));
    await sub.subscribe(replyChannel);
    await redis.xadd(
      requestStream(prefix, service),
      '*',
      'id',
      'bad-1',
      'pattern',
      't.echo',
      'data',
      '{not json',
      'reply',
      replyChannel,
      'deadline',
      String(Date.now() + 10_000),
    );
    for (let i = 0; i < 30 && replies.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(JSON.parse(replies[0])).toEqual(
      expect.objectContaining({ id: 'bad-1', err: expect.objectContaining({ status: 'error' }) }),
    );
    await acknowledged(server);
    const pending = (await redis.xpending(requestStream(prefix, service), service)) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
    await sub.quit();
  });

  it("names the failed call on the server's error line and in the caller's rejection", async () => {
    const errors: unknown[][] = [];
    const quiet = () => undefined;
    await startServer('a', 60_000, {
      log: quiet,
      warn: quiet,
      debug: quiet,
      verbose: quiet,
      error: (...args: unknown[]) => errors.push(args),
    });
    const c = client();
    await c.connect();
    const failure = (await c.request('t.fail', { n: -1 }, 3000).catch((e: unknown) => e)) as CallFailure;
    expect(failure).toBeInstanceOf(CallFailure);
    // Nest's handler answers an unexpected error so (the services' filter logs its stack with the same call id)
    expect(failure.payload).toEqual({ status: 'error', message: 'Internal server error' });
    expect(failure.callId).toBe(seen[0].requestId);
    expect(errors).toContainEqual([
      { callId: failure.callId, reqId: failure.callId },
      't.fail failed: {"status":"error","message":"Internal server error"}',
      'Server',
    ]);
    await c.close();
  });

  it('answers an unknown pattern with an error instead of a timeout', async () => {
    await startServer('a');
    const c = client();
    await c.connect();
    await expect(firstValueFrom(c.send('t.unknown', {}))).rejects.toEqual(expect.objectContaining({ status: 'error' }));
    await c.close();
  });

  it('leaves the consumer group when it stops gracefully', async () => {
    await startServer('leaver');
    const c = client();
    await c.connect();
    await firstValueFrom(c.send('t.echo', { n: 1 }));
    await c.close();
    const names = async () =>
      ((await redis.xinfo('CONSUMERS', requestStream(prefix, service), service)) as unknown[][]).map((row) => row[1]);
    expect(await names()).toContain('leaver');
    await Promise.all(servers.splice(0).map((x) => x.close()));
    expect(await names()).not.toContain('leaver');
  });

  it('recreates its group when Redis loses it', async () => {
    const s = await startServer('a');
    await redis.del(requestStream(prefix, service));
    const c = client(5000);
    await c.connect();
    // the first XADD recreates the stream; the server's next read gets NOGROUP and creates the group again
    const reply = await firstValueFrom(c.send<{ n: number }>('t.echo', { n: 7 }));
    expect(reply.n).toBe(7);
    expect(s.handledCount).toBe(1);
    await c.close();
  });

  describe('reading while requests are in flight', () => {
    /** one slow request, then five quick ones 10 ms apart while it runs; resolves with their replies */
    async function slowThenFive(c: RedisStreamsClient): Promise<{ n: number }[]> {
      const slow = firstValueFrom(c.send<{ n: number }>('t.slow', { n: 0, ms: 400 }));
      await new Promise((r) => setTimeout(r, 30));
      const later: Promise<{ n: number }>[] = [];
      for (let n = 1; n <= 5; n++) {
        later.push(firstValueFrom(c.send<{ n: number }>('t.echo', { n })));
        await new Promise((r) => setTimeout(r, 10));
      }
      return [await slow, ...(await Promise.all(later))];
    }

    it('without a linger reads each request as it arrives', async () => {
      const s = await startServer('a', 60_000, false, 0);
      const c = client();
      await c.connect();
      expect((await slowThenFive(c)).map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(s.handledCount).toBe(6);
      expect(s.readCount).toBeGreaterThan(2); // 6 unless the server stalled
      await c.close();
    });

    it('with a linger reads what arrived while the last read was handled as one batch, once it is handled', async () => {
      // a linger longer than the caller's timeout: the wait ends when the slow request is done, not after it
      const s = await startServer('a', 60_000, false, 10_000);
      const c = client();
      await c.connect();
      expect((await slowThenFive(c)).map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(s.handledCount).toBe(6);
      expect(s.readCount).toBe(2);
      await c.close();
    });
  });
});
