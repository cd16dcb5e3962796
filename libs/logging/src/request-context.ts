import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

interface RequestScope {
  requestId: string;
  /** the transport call being handled (stable when a dead replica's call is redelivered) */
  callId?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/**
 * The request id of the work in progress: created by the gateway for each HTTP request (or taken from a sane
 * `X-Request-Id`), carried to services in every transport entry, and printed in every log line written while
 * the request is handled, in every process.
 */
export const RequestContext = {
  /** Runs `fn` with `requestId` as the current request id (and `callId`, in a service handling a call). */
  run<T>(requestId: string, fn: () => T, callId?: string): T {
    return storage.run({ requestId, callId }, fn);
  },

  /**
   * The id of the transport call being handled: unique per call and the same when a call is redelivered, so a
   * handler derives the ids of what it creates from it (a retry then cannot create twice).
   */
  callId(): string | undefined {
    return storage.getStore()?.callId;
  },

  /** The current request id, if the code runs on behalf of a request. */
  id(): string | undefined {
    return storage.getStore()?.requestId;
  },

  /** A client-sent id when it is short and plain, else a new one. */
  fromHeader(header: string | string[] | undefined): string {
    const value = Array.isArray(header) ? header[0] : header;
    return value && value.length <= 64 && /^[\w.:-]+$/.test(value) ? value : randomUUID();
  },
};
