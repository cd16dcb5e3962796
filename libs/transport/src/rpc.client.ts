import { PayloadOf, RcPattern, ResultOf, serviceOf } from '@app/contracts';
import { RcError, RemoteServiceError } from '@app/envelope';
import { CallFailure, RedisStreamsClient, RpcTimeoutError } from './redis-streams.client';

export interface RpcClientOptions {
  redisUrl: string;
  prefix: string;
  timeoutMs: number;
  maxLen: number;
  name?: string;
}

/**
 * The one typed way to call a service: `rpc.send(ChatPattern.PostMessage, payload)` returns the contract's
 * result type. A reply that does not come within the timeout becomes a 503 failure envelope; an RcError
 * thrown by the service is rethrown as the same RcError.
 */
export class RpcClient {
  readonly proxy: RedisStreamsClient;

  constructor(private readonly options: RpcClientOptions) {
    this.proxy = new RedisStreamsClient({ ...options, serviceOf });
  }

  connect(): Promise<void> {
    return this.proxy.connect();
  }

  /** The pub/sub channel replies come back on; it has a subscriber exactly while this process runs. */
  get replyChannel(): string {
    return this.proxy.channel;
  }

  close(): Promise<void> {
    return this.proxy.close();
  }

  async send<P extends RcPattern>(
    pattern: P,
    payload: PayloadOf<P>,
    timeoutMs = this.options.timeoutMs,
  ): Promise<ResultOf<P>> {
    try {
      // a handler that returns nothing replies with no value: `void` results are `undefined`
      return (await this.proxy.request(pattern, payload, timeoutMs)) as ResultOf<P>;
    } catch (err) {
      throw toRcError(err, pattern);
    }
  }

  /** Fire-and-forget to exactly one replica of the owning service (queued in its stream). */
  async emit<P extends RcPattern>(pattern: P, payload: PayloadOf<P>): Promise<void> {
    await this.proxy.event(pattern, payload);
  }
}

/** What a failed call becomes for its caller (exported for its test). */
export function toRcError(err: unknown, pattern: string): Error {
  if (err instanceof CallFailure) {
    const failure = toRcError(err.payload, pattern);
    if (failure instanceof RemoteServiceError) {
      failure.callId = err.callId;
    }
    return failure;
  }
  if (err instanceof RcError) {
    return err;
  }
  if (RcError.isPayload(err)) {
    return RcError.fromPayload(err);
  }
  if (err instanceof RpcTimeoutError) {
    return new RcError(
      'error-service-unavailable',
      `The service handling ${pattern} did not answer in time`,
      { service: serviceOf(pattern) },
      'unavailable',
    );
  }
  const message = (err as { message?: string })?.message ?? String(err);
  return new RemoteServiceError(pattern, message);
}
