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
