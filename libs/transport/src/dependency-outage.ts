import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { BaseRpcExceptionFilter, RpcException } from '@nestjs/microservices';
import { Observable, throwError } from 'rxjs';
import { RcError } from '@app/envelope';
import { StreamsContext } from './streams.context';

/** Errors of the database and Redis clients that mean "not reachable right now", not "this request is wrong". */
const OUTAGE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoServerClosedError',
  'MaxRetriesPerRequestError',
]);
const OUTAGE_CODES = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN']);
const OUTAGE_MESSAGES = [/buffering timed out/i, /^Connection is closed\.?$/, /^Stream isn't writeable/];

/**
 * Whether an error means that a service lost its database or Redis for a moment (a server restarting, a network
 * cut): the request may be retried, and the client is told so with a 503, never a 500. The driver wraps what
 * failed a bulk write (`insertMany`, `bulkWrite`) in a `MongoBulkWriteError` that keeps it as `errorResponse`.
 */
export function isDependencyOutage(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) {
    return false;
  }
  const e = err as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; errorResponse?: unknown };
  return (
    (typeof e.name === 'string' && OUTAGE_NAMES.has(e.name)) ||
    (typeof e.code === 'string' && OUTAGE_CODES.has(e.code)) ||
    (typeof e.message === 'string' && OUTAGE_MESSAGES.some((m) => m.test(e.message as string))) ||
    isDependencyOutage(e.cause, depth + 1) ||
    isDependencyOutage(e.errorResponse, depth + 1)
  );
}

/**
 * A service's exception filter. On the transport, an outage of the database or Redis is answered as Rocket.Chat's
 * 503 `error-service-unavailable` (the same answer as a service that did not reply in time); everything else goes
 * on as Nest does it (business refusals as they are, unexpected errors as a logged 500). HTTP (the health probes)
 * keeps Nest's own handling.
 */
@Catch()
export class ServiceExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ServiceExceptionFilter');
  private readonly rpc = new BaseRpcExceptionFilter();

  constructor(private readonly http: BaseExceptionFilter) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<unknown> | void {
    if (host.getType() !== 'rpc') {
      return this.http.catch(exception, host);
    }
    const ctx: unknown = host.switchToRpc?.().getContext();
    const ids = { callId: ctx instanceof StreamsContext ? ctx.getRequestId() : undefined };
    if (isDependencyOutage(exception)) {
      this.logger.warn(ids, `a dependency is unavailable: ${(exception as Error).message}`);
      return this.rpc.catch(
        new RcError(
          'error-service-unavailable',
          'A service dependency is unavailable, try again',
          undefined,
          'unavailable',
        ),
        host,
      );
    }
    if (!(exception instanceof RpcException)) {
      // an unexpected error, logged here with its stack and its call's id, which the gateway's line names too (Nest's
      // own handler would log it without): the caller gets the payload Nest gives it
      this.logger.error(ids, exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
      return throwError(() => ({ status: 'error', message: 'Internal server error' }));
    }
    return this.rpc.catch(exception, host);
  }
}
