import { RcError, RcErrorPayload } from './rc-error';

export interface HttpFailure {
  status: number;
  body: Record<string, unknown>;
}

/** Rocket.Chat's `error` string: `"<reason> [<code>]"`, or `"[code]"` when there is no reason. */
export function meteorErrorText(errorType: string, reason?: string): string {
  return reason ? `${reason} [${errorType}]` : `[${errorType}]`;
}

/** The single map from an error's kind to Rocket.Chat's status code and body. */
export function toHttpFailure(error: RcError | RcErrorPayload): HttpFailure {
  const p = error instanceof RcError ? error.payload : error;
  switch (p.kind) {
    case 'failure':
      return {
        status: 400,
        body: {
          success: false,
          error: p.errorType ? meteorErrorText(p.errorType, p.reason) : (p.reason ?? ''),
          ...(p.errorType ? { errorType: p.errorType } : {}),
          ...(p.details ? { details: p.details } : {}),
        },
      };
    case 'plain':
      return { status: 400, body: { success: false, error: p.reason ?? '' } };
    case 'api-failure':
      return {
        status: 400,
        body: { success: false, error: p.reason ?? '', ...(p.errorType ? { errorType: p.errorType } : {}) },
      };
    case 'forbidden':
      return { status: 403, body: { success: false, error: p.reason ?? 'unauthorized' } };
    case 'not-logged-in': {
      const message = p.reason ?? 'You must be logged in to do this.';
      return { status: 401, body: { success: false, status: 'error', message, error: message } };
    }
    case 'login-failed':
      return {
        status: 401,
        body: {
          status: 'error',
          error: p.errorType ?? 'Unauthorized',
          message: p.reason ?? 'Unauthorized',
          ...(p.details ? { details: p.details } : {}),
        },
      };
    case 'not-found':
      return { status: 404, body: { success: false, error: p.reason ?? 'Resource not found' } };
    case 'too-many-requests':
      return {
        status: 429,
        body: {
          success: false,
          error: meteorErrorText('error-too-many-requests', p.reason),
          errorType: 'error-too-many-requests',
        },
      };
    case 'unavailable':
      return {
        status: 503,
        body: {
          success: false,
          error: meteorErrorText(p.errorType ?? 'error-service-unavailable', p.reason),
          errorType: p.errorType ?? 'error-service-unavailable',
        },
      };
    default: {
      const never: never = p.kind;
      return { status: 500, body: { success: false, error: `Internal server error (${String(never)})` } };
    }
  }
}
