import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import type { PayloadOf, RcPattern, ResultOf } from '@app/contracts';
import type { StreamsContext } from './streams.context';

type MaybePromise<T> = T | Promise<T>;

/** A handler of `P` as the contract types it: the payload in, the result (or a promise of it) out. */
export type ContractHandler<P extends RcPattern> = (
  payload: PayloadOf<P>,
  ctx: StreamsContext,
) => MaybePromise<ResultOf<P>>;

/** The handler's arguments are always `(payload, ctx)`, with no parameter decorators to write. */
function bindArguments(target: object, key: string | symbol): void {
  Payload()(target, key, 0);
  Ctx()(target, key, 1);
}

/**
 * `@MessagePattern(pattern)` checked against the contract at compile time: the decorated method must accept the
 * pattern's payload and return its result type, else the build fails. Several patterns with the same contract
 * (`channels.setTopic` and `groups.setTopic`) may share one handler; `ctx.getPattern()` tells them apart.
 */
export function Handles<P extends RcPattern>(...patterns: P[]) {
  return <T extends ContractHandler<P>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ) => {
    MessagePattern(patterns)(target, key, descriptor);
    bindArguments(target, key);
  };
}

/** `@EventPattern(pattern)` for fire-and-forget patterns, checked against the contract's payload. */
export function HandlesEvent<P extends RcPattern>(...patterns: P[]) {
  return <T extends (payload: PayloadOf<P>, ctx: StreamsContext) => MaybePromise<void>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ) => {
    EventPattern(patterns)(target, key, descriptor);
    bindArguments(target, key);
  };
}
