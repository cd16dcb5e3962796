import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { RequestContext } from '@app/logging';
import { RcError, RemoteServiceError } from './rc-error';
import { toHttpFailure } from './http-failure';

type FilteredRequest = { path?: string; headers?: Record<string, string | string[] | undefined> };

/**
 * The request id of an error line. While `RequestContext` tracks requests, pino's mixin adds it; otherwise the
 * client's `X-Request-Id`, if it sent a sane one (an id made up now would match nothing else).
 */
function requestIds(req?: FilteredRequest): { reqId?: string } {
  const header = req?.headers?.['x-request-id'];
  if (RequestContext.tracking || header === undefined) {
    return {};
  }
  const id = RequestContext.fromHeader(header);
  return id === header || (Array.isArray(header) && id === header[0]) ? { reqId: id } : {};
}

/**
 * The gateway's one exception filter: every failure leaves in Rocket.Chat's envelope. RcErrors (thrown here or
 * returned by a service) map through `toHttpFailure`; Nest's HttpExceptions (unknown route, body parser, payload
 * too large) keep their status with the failure body; anything else is a logged 500 with a generic message.
 */
@Catch()
export class EnvelopeExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Envelope');

  /** Methods a path is routed for (set by the gateway once its routes are known), for 405 answers. */
  static allowedMethods?: (path: string) => string[] | undefined;

  constructor(private readonly withStack = false) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      return;
    }
    const req = host.switchToHttp().getRequest<FilteredRequest>();
    if (exception instanceof HttpException && exception.getStatus() === 404 && req?.path) {
      const allow = EnvelopeExceptionFilter.allowedMethods?.(req.path);
      if (allow?.length) {
        // a known route called with another method (Restivus: 405 + Allow)
        res.setHeader('Allow', allow.join(', '));
        res.status(405).json({
          success: false,
          status: 'error',
          message: 'API endpoint does not exist',
          error: 'API endpoint does not exist',
        });
        return;
      }
    }
    const { status, body } = this.describe(exception, req);
    if (this.withStack && exception instanceof Error && body.success === false) {
      body.stack = exception.stack;
    }
    res.status(status).json(body);
  }

  private describe(exception: unknown, req?: FilteredRequest): { status: number; body: Record<string, unknown> } {
    if (exception instanceof RcError) {
      return toHttpFailure(exception);
    }
    if (RcError.isPayload(exception)) {
      return toHttpFailure(exception);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
      if (status === 404) {
        return {
          status,
          body: { success: false, error: 'API endpoint does not exist', errorType: 'error-api-endpoint-not-found' },
        };
      }
      if (status >= 500) {
        this.logger.error({ ...requestIds(req), err: exception }, exception.message);
        return { status, body: { success: false, error: 'Internal server error' } };
      }
      return { status, body: { success: false, error: message } };
    }
    const err = exception as { type?: string; status?: number; message?: string };
    // body-parser errors arrive as plain errors carrying an HTTP status.
    if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      const error = err.type === 'entity.parse.failed' ? 'Invalid JSON body' : (err.message ?? 'Bad request');
      return {
        status: err.status,
        body: {
          success: false,
          error,
          ...(err.type === 'entity.parse.failed' ? { errorType: 'error-invalid-body' } : {}),
        },
      };
    }
    if (exception instanceof RemoteServiceError) {
      // logged with its stack by the service that threw it, on a line with the same callId
      this.logger.warn({ ...requestIds(req), callId: exception.callId }, exception.message);
    } else {
      this.logger.error(
        requestIds(req),
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    return { status: 500, body: { success: false, error: 'Internal server error' } };
  }
}
