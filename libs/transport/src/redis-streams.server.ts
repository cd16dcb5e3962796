import { CustomTransportStrategy, MessageHandler, RpcException, Server } from '@nestjs/microservices';
import Redis from 'ioredis';
import { lastValueFrom, isObservable } from 'rxjs';
import { patternsOf, ServiceName } from '@app/contracts';
import { RcError } from '@app/envelope';
import { RequestContext } from '@app/logging';
import { instanceRuns } from './instances';
import { entryFields, ReplyMessage, RequestEntry, requestStream } from './keys';
import { StreamsContext, withCallId } from './streams.context';

export interface RedisStreamsServerOptions {
  redisUrl: string;
  prefix: string;
  /** service name: its stream and consumer group */
  service: string;
  /** this replica's consumer name (unique per replica) */
  consumer: string;
  /** a request pending this long on another consumer is claimed */
  claimIdleMs: number;
  /** requests handled at once by this replica */
  concurrency: number;
  /** XREADGROUP BLOCK time; bounds how long shutdown waits for the read loop */
  blockMs?: number;
  /**
   * After a read that brought requests (but fewer than it could take), wait until they are handled, or this long
   * at most, before reading again, so that what arrived meanwhile comes in one batch (0: read again at once)
   */
  lingerMs?: number;
}

type Entry = [id: string, fields: string[]];

const CONSUMER_SWEEP_MS = 60_000;
const STALE_CONSUMER_MS = 10 * 60_000;

/**
 * Server side of the transport: requests arrive on the service's Redis stream and are read through the service's
 * consumer group, so each request is handled by exactly one replica however many run. Replies are published
 * to the caller's own reply channel. A replica that dies leaves its pending entries to be claimed
 * (XAUTOCLAIM) by a live one; requests whose caller has already given up are acknowledged without running.
 */
export class RedisStreamsServer extends Server implements CustomTransportStrategy {
  private reader?: Redis;
  private writer?: Redis;
  private running = false;
  private loopDone?: Promise<void>;
  private claimTimer?: NodeJS.Timeout;
  private sweepTimer?: NodeJS.Timeout;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly handlerCache = new Map<string, MessageHandler>();
  /** entries handled in this turn of the event loop, acknowledged together (see `ack`) */
  private acks: string[] = [];
  private acked?: Promise<void>;
  private readonly stream: string;
  private readonly blockMs: number;
  private readonly lingerMs: number;
  /** requests handled by this replica since start (exposed for tests and metrics) */
  handledCount = 0;
  /** reads of the stream that brought requests, since start (exposed for tests and metrics) */
  readCount = 0;

  constructor(private readonly options: RedisStreamsServerOptions) {
    super();
    this.stream = requestStream(options.prefix, options.service);
    this.blockMs = options.blockMs ?? 1000;
    this.lingerMs = options.lingerMs ?? 0;
  }

  async listen(callback: (err?: unknown) => void): Promise<void> {
    try {
      this.assertContractHandled();
      const redisOpts = { maxRetriesPerRequest: null, lazyConnect: false } as const;
      this.reader = new Redis(this.options.redisUrl, {
        ...redisOpts,
        connectionName: `${this.options.consumer}:reader`,
      });
      this.writer = new Redis(this.options.redisUrl, {
        ...redisOpts,
        connectionName: `${this.options.consumer}:writer`,
        // the replies (and acks) of every request finished in one tick go out in one write
        enableAutoPipelining: true,
      });
      this.reader.on('error', (e) => this.logger.warn?.(`redis reader: ${e.message}`));
      this.writer.on('error', (e) => this.logger.warn?.(`redis writer: ${e.message}`));
      await this.ensureGroup();
      this.running = true;
      this.loopDone = this.readLoop();
      const every = Math.max(250, Math.floor(this.options.claimIdleMs / 2));
      this.claimTimer = setInterval(() => void this.claimAndTouch().catch(() => undefined), every);
      this.sweepTimer = setInterval(() => void this.sweepConsumers().catch(() => undefined), CONSUMER_SWEEP_MS);
      callback();
    } catch (err) {
      callback(err);
    }
  }

  /** Every pattern the contracts give this service has a handler here, or the service does not start. */
  private assertContractHandled(): void {
    const handled = new Set(this.getHandlers().keys());
    const missing = patternsOf(this.options.service as ServiceName).filter((p) => !handled.has(p));
    if (missing.length) {
      throw new Error(`${this.options.service} has no handler for: ${missing.join(', ')}`);
    }
  }

  /** Stops reading, finishes and acknowledges what is in flight, then closes the connections. */
  async close(): Promise<void> {
    this.running = false;
    if (this.claimTimer) {
      clearInterval(this.claimTimer);
    }
    if (this.sweepTimer) {
      clearInterval(this.sweepTimer);
    }
    await this.loopDone;
    await Promise.allSettled([...this.inFlight.values()]);
    await this.leaveGroup().catch(() => undefined);
    await Promise.allSettled([this.reader?.quit(), this.writer?.quit()]);
  }

  on(): void {
    // connection events are logged by the connections themselves
  }

  unwrap<T>(): T {
    return this.writer as T;
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  private async ensureGroup(): Promise<void> {
    try {
      // '0': requests queued before any replica of this service started are still served (if not expired)
      await this.writer!.xgroup('CREATE', this.stream, this.options.service, '0', 'MKSTREAM');
    } catch (err) {
      if (!String((err as Error).message).includes('BUSYGROUP')) {
        throw err;
      }
    }
    // the group lists this replica from the start (Redis adds a consumer on its first delivery otherwise):
    // the consumer registry instances.get reads
    await this.writer!.xgroup('CREATECONSUMER', this.stream, this.options.service, this.options.consumer);
  }

  /** After a graceful stop: remove this consumer from the group, unless something is still pending on it. */
  private async leaveGroup(): Promise<void> {
    const pending = await this.writer!.xpending(this.stream, this.options.service, '-', '+', 1, this.options.consumer);
    if (pending.length === 0) {
      await this.writer!.xgroup('DELCONSUMER', this.stream, this.options.service, this.options.consumer);
    }
  }

  /**
   * Replicas come and go (every pod has its own consumer name): consumers idle for long with nothing pending
   * are removed so the group does not grow forever, unless their process still runs (a quiet replica stays
   * in the consumer registry instances.get reads).
   */
  private async sweepConsumers(): Promise<void> {
    const info = (await this.writer!.xinfo('CONSUMERS', this.stream, this.options.service)) as unknown[][];
    for (const row of info) {
      const c: Record<string, unknown> = {};
      for (let i = 0; i + 1 < row.length; i += 2) {
        c[String(row[i])] = row[i + 1];
      }
      if (
        c.name !== this.options.consumer &&
        Number(c.pending) === 0 &&
        Number(c.idle) > STALE_CONSUMER_MS &&
        !(await instanceRuns(this.writer!, this.options.prefix, this.options.service, String(c.name)))
      ) {
        await this.writer!.xgroup('DELCONSUMER', this.stream, this.options.service, String(c.name));
      }
    }
  }

  private async readLoop(): Promise<void> {
    while (this.running) {
      const free = this.options.concurrency - this.inFlight.size;
      if (free <= 0) {
        await Promise.race(this.inFlight.values());
        continue;
      }
      let res: [string, Entry[]][] | null;
      try {
        res = (await this.reader!.xreadgroup(
          'GROUP',
          this.options.service,
          this.options.consumer,
          'COUNT',
          free,
          'BLOCK',
          this.blockMs,
          'STREAMS',
          this.stream,
          '>',
        )) as [string, Entry[]][] | null;
      } catch (err) {
        if (String((err as Error).message).includes('NOGROUP')) {
          // Redis lost the group (restart without persistence): create it again
          await this.ensureGroup().catch(() => undefined);
        } else if (this.running) {
          await new Promise((r) => setTimeout(r, 250));
        }
        continue;
      }
      const batch: Promise<void>[] = [];
      for (const [, entries] of res ?? []) {
        for (const [entryId, fields] of entries) {
          const p = this.dispatch(entryId, fields, false);
          if (p) {
            batch.push(p);
          }
        }
      }
      if (batch.length > 0) {
        this.readCount++;
        if (batch.length < free && this.lingerMs > 0 && this.running) {
          await this.linger(batch);
        }
      }
    }
  }

  /**
   * Waits until the requests of the last read are handled, or `lingerMs` at most, before the next read: what
   * arrives meanwhile is then read, and handled (its writes batched), together. Without it a replica that keeps up
   * reads each request on its own as it arrives, and pays a read, a turn of its event loop and a write per request.
   * With N replicas each read brings about 1/N of the requests, so the wait matters most when there are several.
   */
  private linger(batch: Promise<void>[]): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.lingerMs);
      void Promise.all(batch).then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private dispatch(entryId: string, fields: string[], redelivered: boolean): Promise<void> | undefined {
    if (this.inFlight.has(entryId)) {
      return undefined;
    }
    const entry = entryFields(fields);
    const p = RequestContext.run(entry.rqid || entry.id || entryId, () => this.handle(entryId, entry, redelivered))
      .catch((err) => this.logger.error?.(`request ${entryId} failed: ${(err as Error).message}`))
      .finally(() => this.inFlight.delete(entryId));
    this.inFlight.set(entryId, p);
    return p;
  }

  /**
   * Acknowledges and deletes a handled entry. The entries finished within one turn of the event loop go out
   * as one XACK and one XDEL with all their ids (one write, one Redis command each, however many requests),
   * instead of a pipeline per request. Resolves once Redis has them.
   */
  private ack(entryId: string): Promise<void> {
    this.acks.push(entryId);
    this.acked ??= new Promise<void>((resolve) =>
      setImmediate(() => {
        const ids = this.acks;
        this.acks = [];
        this.acked = undefined;
        const writer = this.writer!;
        // both commands are auto-pipelined into one write
        void Promise.allSettled([
          writer.xack(this.stream, this.options.service, ...ids),
          writer.xdel(this.stream, ...ids),
        ]).then(() => resolve());
      }),
    );
    return this.acked;
  }

  /**
   * The handler of a pattern, looked up once per pattern: Nest's `getHandlerByPattern` first tries the pattern as
   * JSON, so a plain string pattern costs a thrown SyntaxError (and its stack trace) on every call.
   */
  private handlerOf(pattern: string): MessageHandler | undefined {
    let handler = this.handlerCache.get(pattern);
    if (!handler) {
      handler = this.getHandlers().get(pattern) ?? this.getHandlerByPattern(pattern) ?? undefined;
      if (handler) {
        this.handlerCache.set(pattern, handler); // only patterns that have a handler: the map stays bounded
      }
    }
    return handler;
  }

  private async handle(entryId: string, entry: Partial<RequestEntry>, redelivered: boolean): Promise<void> {
    const writer = this.writer!;
    const done = () => this.ack(entryId);
    if (!entry.pattern || !entry.id) {
      await done();
      return;
    }
    if (entry.deadline && Date.now() > Number(entry.deadline)) {
      await done(); // the caller has given up: do not run a request nobody waits for
      return;
    }
    const handler = this.handlerOf(entry.pattern);
    // the reply is published before the entry is acknowledged: a replica that dies in between leaves the entry
    // pending, and the caller (who has its reply) ignores the second one a redelivery would send
    const reply = (msg: Omit<ReplyMessage, 'id' | 'isDisposed'>) => {
      void writer
        .publish(entry.reply!, JSON.stringify({ id: entry.id, ...msg, isDisposed: true }))
        .catch(() => undefined);
      return done();
    };
    if (!handler) {
      if (entry.reply) {
        await reply({
          err: {
            status: 'error',
            message: `There is no matching message handler defined in the remote service (${entry.pattern}).`,
          },
        });
      } else {
        await done();
      }
      return;
    }
    let data: unknown;
    try {
      data = entry.data ? withCallId(JSON.parse(entry.data), entry.id) : undefined;
    } catch {
      // a malformed entry must not stay pending and be claimed forever
      if (entry.reply) {
        await reply({ err: { status: 'error', message: 'Malformed request payload' } });
      } else {
        await done();
      }
      return;
    }
    const ctx = new StreamsContext([entry.id, entry.pattern, redelivered, entryId]);
    this.handledCount++;
    if (!entry.reply || handler.isEventHandler) {
      try {
        const out = await handler(data, ctx);
        if (isObservable(out)) {
          await lastValueFrom(out, { defaultValue: undefined });
        }
      } catch (err) {
        this.logFailure(entry, err);
      } finally {
        await done();
      }
      return;
    }
    try {
      // Nest's handlers answer a value or a promise (an observable only with interceptors): no RxJS per call
      const out = await handler(data, ctx);
      const response = isObservable(out) ? await lastValueFrom(out, { defaultValue: undefined }) : out;
      await reply({ response });
    } catch (err) {
      this.logFailure(entry, err);
      await reply({ err: serializeError(err) });
    }
  }

  /**
   * The transport's line for a failed call: an unexpected error at error level with the pattern, and its stack
   * when it arrives here as an Error (in the apps the services' exception filter has logged the stack already,
   * with the same `callId`, and passes on Nest's payload); a business refusal (RcError) only at debug level.
   * The line names the call (`callId`, which the caller's line names too) and the request it serves (`reqId`),
   * whether or not the request id is carried through awaits (`RequestContext`).
   */
  private logFailure(entry: Partial<RequestEntry>, err: unknown): void {
    const ids = RequestContext.tracking ? { callId: entry.id } : { callId: entry.id, reqId: entry.rqid };
    if (isExpected(err)) {
      this.logger.debug?.(ids, `${entry.pattern} refused: ${(err as Error).message}`);
    } else {
      this.logger.error?.(
        ids,
        `${entry.pattern} failed: ${err instanceof Error ? (err.stack ?? err.message) : JSON.stringify(err)}`,
      );
    }
  }

  /**
   * Keeps this replica's in-flight entries from looking idle (so nobody steals a slow handler), then claims
   * entries left idle by dead replicas.
   */
  private async claimAndTouch(): Promise<void> {
    if (!this.running || !this.writer) {
      return;
    }
    const group = this.options.service;
    const mine = [...this.inFlight.keys()];
    if (mine.length) {
      await this.writer.xclaim(this.stream, group, this.options.consumer, 0, ...mine, 'JUSTID');
    }
    let cursor = '0-0';
    do {
      const free = this.options.concurrency - this.inFlight.size;
      if (free <= 0 || !this.running) {
        return;
      }
      const res = (await this.writer.xautoclaim(
        this.stream,
        group,
        this.options.consumer,
        this.options.claimIdleMs,
        cursor,
        'COUNT',
        free,
      )) as [string, Entry[], string[]?];
      cursor = res[0];
      for (const entry of res[1]) {
        if (entry && entry[1]) {
          void this.dispatch(entry[0], entry[1], true); // settles, never rejects: `dispatch` logs failures
        }
      }
    } while (cursor !== '0-0');
  }
}

function isExpected(err: unknown): boolean {
  return err instanceof RcError || RcError.isPayload(err) || RcError.isPayload((err as RpcException)?.getError?.());
}

function serializeError(err: unknown): unknown {
  if (err instanceof Error) {
    return { status: 'error', message: err.message };
  }
  return err;
}
