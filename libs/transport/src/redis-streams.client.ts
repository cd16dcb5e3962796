import { ClientProxy, ReadPacket, WritePacket } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { RequestContext } from '@app/logging';
import { ReplyMessage, replyChannel, requestStream } from './keys';

export interface RedisStreamsClientOptions {
  redisUrl: string;
  prefix: string;
  /** which service's stream a pattern goes to */
  serviceOf: (pattern: string) => string;
  /** how long a caller waits; sent along so a late replica drops requests nobody waits for */
  timeoutMs: number;
  /** approximate maximum length of a request stream (XADD MAXLEN ~) */
  maxLen: number;
  /** name shown in CLIENT LIST */
  name?: string;
}

/** A service's error reply, with the id of the call it answers (which the service's own log line names). */
export class CallFailure extends Error {
  constructor(
    readonly callId: string,
    readonly payload: unknown,
  ) {
    super(`call ${callId} failed`);
    this.name = 'CallFailure';
  }
}

/** No reply within the caller's timeout. */
export class RpcTimeoutError extends Error {
  constructor(pattern: string, timeoutMs: number) {
    super(`no reply to ${pattern} within ${timeoutMs} ms`);
    this.name = 'RpcTimeoutError';
  }
}

/**
 * Caller side of the transport. One instance serves every target service: a request is XADDed to the stream
 * of the service that owns its pattern, and the reply comes back on this process's own reply channel,
 * matched by request id. Events (`emit`) are XADDed without a reply channel: one replica of the owning
 * service handles each.
 */
export class RedisStreamsClient extends ClientProxy {
  private writer?: Redis;
  private subscriber?: Redis;
  private connecting?: Promise<void>;
  /** subscribed to the reply channel: a request sent now gets its reply */
  private ready = false;
  private readonly clientId = randomUUID();
  /** request ids are this client's id and a counter: unique across processes, without a UUID per call */
  private seq = 0;
  /** this process's reply channel: subscribed while the process lives (the instance registry checks it) */
  readonly channel: string;

  constructor(private readonly options: RedisStreamsClientOptions) {
    super();
    this.channel = replyChannel(options.prefix, this.clientId);
  }

  connect(): Promise<void> {
    if (!this.connecting) {
      this.connecting = this.open().catch((err) => {
        this.connecting = undefined;
        throw err;
      });
    }
    return this.connecting;
  }

  private async open(): Promise<void> {
    const name = this.options.name ?? 'rpc-client';
    this.writer = new Redis(this.options.redisUrl, {
      maxRetriesPerRequest: null,
      connectionName: `${name}:writer`,
      // the XADDs of every request issued in one tick go out in one write (one syscall, one Redis read)
      enableAutoPipelining: true,
    });
    this.subscriber = new Redis(this.options.redisUrl, {
      maxRetriesPerRequest: null,
      connectionName: `${name}:replies`,
    });
    this.writer.on('error', () => undefined);
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, raw: string) => this.onReply(raw));
    await this.subscriber.subscribe(this.channel);
    this.ready = true;
  }

  async close(): Promise<void> {
    const w = this.writer;
    const s = this.subscriber;
    this.writer = undefined;
    this.subscriber = undefined;
    this.connecting = undefined;
    this.ready = false;
    await Promise.allSettled([w?.quit(), s?.quit()]);
  }

  unwrap<T>(): T {
    return this.writer as T;
  }

  private onReply(raw: string): void {
    let msg: ReplyMessage;
    try {
      msg = JSON.parse(raw) as ReplyMessage;
    } catch {
      return;
    }
    const callback = this.routingMap.get(msg.id);
    if (!callback) {
      return; // the caller gave up already
    }
    this.routingMap.delete(msg.id);
    callback({ err: msg.err, response: msg.response, isDisposed: true } satisfies WritePacket);
  }

  /**
   * One request and its reply as a promise, without the Observable that `ClientProxy.send` builds around each
   * call: the path every gateway request takes. Rejects with `CallFailure` (the service's error payload and the
   * call's id), or with `RpcTimeoutError` after `timeoutMs`.
   */
  request(pattern: string, data: unknown, timeoutMs: number): Promise<unknown> {
    if (!this.ready) {
      return this.connect().then(() => this.request(pattern, data, timeoutMs));
    }
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const id = this.nextId();
      const dispose = this.write(id, pattern, data, (packet) => {
        clearTimeout(timer);
        if (packet.err !== undefined && packet.err !== null) {
          reject(new CallFailure(id, packet.err));
        } else {
          resolve(packet.response);
        }
      });
      timer = setTimeout(() => {
        dispose();
        reject(new RpcTimeoutError(pattern, timeoutMs));
      }, timeoutMs);
    });
  }

  protected publish(packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    return this.write(this.nextId(), this.normalizePattern(packet.pattern), packet.data, callback);
  }

  private nextId(): string {
    return `${this.clientId}:${(++this.seq).toString(36)}`;
  }

  private write(id: string, pattern: string, data: unknown, callback: (packet: WritePacket) => void): () => void {
    this.routingMap.set(id, callback);
    const stream = requestStream(this.options.prefix, this.options.serviceOf(pattern));
    const deadline = String(Date.now() + this.options.timeoutMs);
    this.writer!.xadd(
      stream,
      'MAXLEN',
      '~',
      this.options.maxLen,
      '*',
      'id',
      id,
      'pattern',
      pattern,
      'data',
      JSON.stringify(data ?? null),
      'reply',
      this.channel,
      'deadline',
      deadline,
      'rqid',
      RequestContext.id() ?? id,
    ).catch((err: Error) => {
      const cb = this.routingMap.get(id);
      this.routingMap.delete(id);
      cb?.({ err: { status: 'error', message: err.message }, isDisposed: true });
    });
    return () => this.routingMap.delete(id);
  }

  /**
   * One event as a promise, without the Observable that `ClientProxy.emit` builds around each one: the path a
   * service's post takes to users-rooms. Resolves once Redis has the entry.
   */
  async event(pattern: string, data: unknown): Promise<void> {
    if (!this.ready) {
      await this.connect();
    }
    await this.dispatchEvent({ pattern, data });
  }

  protected async dispatchEvent<T = unknown>(packet: ReadPacket): Promise<T> {
    const pattern = this.normalizePattern(packet.pattern);
    const stream = requestStream(this.options.prefix, this.options.serviceOf(pattern));
    await this.writer!.xadd(
      stream,
      'MAXLEN',
      '~',
      this.options.maxLen,
      '*',
      'id',
      randomUUID(),
      'pattern',
      pattern,
      'data',
      JSON.stringify(packet.data ?? null),
      'rqid',
      RequestContext.id() ?? '',
    );
    return undefined as T;
  }
}
