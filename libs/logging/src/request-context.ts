import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

interface RequestScope {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();
let tracking = false;

/**
 * The request id of the work in progress. The gateway takes a sane `X-Request-Id` (or makes one) for each HTTP
 * request; a service call carries its caller's id, or its own call id.
 *
 * Carrying the id across every `await` takes `AsyncLocalStorage`, and on Node 20 that installs a promise hook
 * for the whole process: every promise then costs a call into JavaScript and a larger object, whether or not
 * anything reads the id (measured in bench/README, "The request id through every await"). So it is opt-in
 * (`LOG_REQUEST_IDS=all`, `track(true)`). By default (`errors`) the error lines carry their ids explicitly: a
 * service's failure line has the call's id, and the gateway's line for a failed call names the same id.
 */
export const RequestContext = {
  /** Whether the id is carried through awaits (`LOG_REQUEST_IDS=all`); set once at start, before any request. */
  track(on: boolean): void {
    tracking = on;
  },

  get tracking(): boolean {
    return tracking;
  },

  /** Runs `fn` with `requestId` as the current request id (only while tracking; otherwise just runs it). */
  run<T>(requestId: string, fn: () => T): T {
    return tracking ? storage.run({ requestId }, fn) : fn();
  },

  /** The current request id, if tracking and the code runs on behalf of a request. */
  id(): string | undefined {
    return tracking ? storage.getStore()?.requestId : undefined;
  },

  /** A client-sent id when it is short and plain, else a new one. */
  fromHeader(header: string | string[] | undefined): string {
    const value = Array.isArray(header) ? header[0] : header;
    return value && value.length <= 64 && /^[\w.:-]+$/.test(value) ? value : randomUUID();
  },
};
