import { BaseRpcContext } from '@nestjs/microservices';

type StreamsContextArgs = [requestId: string, pattern: string, redelivered: boolean, entryId: string];

/** The context a `@MessagePattern` handler receives (`@Ctx()`) on the Redis Streams transport. */
export class StreamsContext extends BaseRpcContext<StreamsContextArgs> {
  /** Unique per call; a redelivered request keeps it, so write handlers use it as an idempotency key. */
  getRequestId(): string {
    return this.args[0];
  }

  getPattern(): string {
    return this.args[1];
  }

  /** True when this replica claimed the request from a replica that died or stalled. */
  isRedelivered(): boolean {
    return this.args[2];
  }

  getEntryId(): string {
    return this.args[3];
  }
}

const CALL_ID = Symbol('rc.callId');

/**
 * Gives a call's payload its call id (`StreamsContext.getRequestId`), so that code deep in a service derives
 * idempotent ids from the payload it already holds (`callIdOf(p)`). Not enumerable: it is not copied by a spread,
 * serialised or stored.
 */
export function withCallId<T>(payload: T, callId: string): T {
  if (payload !== null && typeof payload === 'object' && !Object.isFrozen(payload)) {
    Object.defineProperty(payload, CALL_ID, { value: callId });
  }
  return payload;
}

/** The id of the call whose payload this is: the same when the call is redelivered. Undefined outside a call. */
export function callIdOf(payload: unknown): string | undefined {
  return payload !== null && typeof payload === 'object'
    ? ((payload as Record<symbol, string | undefined>)[CALL_ID] ?? undefined)
    : undefined;
}
