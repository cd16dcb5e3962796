import { RpcException } from '@nestjs/microservices';
import type { LoginErrorCode, RcErrorType } from './error-types';

/**
 * How a failure is presented on the wire. The gateway turns each kind into Rocket.Chat's status and body
 * (see `toHttpFailure`); services only choose the kind.
 */
export type RcErrorKind =
  /** 400 `{success:false, error:"<reason> [<code>]", errorType:<code>, details?}` (Meteor.Error) */
  | 'failure'
  /** 400 `{success:false, error:<message>}` (plain Error / Match error, no errorType) */
  | 'plain'
  /** 403 `{success:false, error:"unauthorized"}` (API.v1.unauthorized / forbidden) */
  | 'forbidden'
  /** 401 `{success:false, status:"error", message:"You must be logged in to do this."}` */
  | 'not-logged-in'
  /** 401 from POST /login: `{status:"error", error:<code>, message:<reason>, details?}` */
  | 'login-failed'
  /** 404 `{success:false, error:"Resource not found"}` */
  | 'not-found'
  /** 429 too many requests */
  | 'too-many-requests'
  /** 503 a service did not answer in time */
  | 'unavailable'
  /** 400 `{success:false, error:<message>, errorType:<type>}` (Rocket.Chat's `API.v1.failure(message, type)`) */
  | 'api-failure';

/** A Meteor error's `details`: an object, or a list (the password policy's reasons). */
export type RcErrorDetails = Record<string, unknown> | unknown[];

/** What crosses Redis inside an RpcException. */
export interface RcErrorPayload {
  rc: 1;
  kind: RcErrorKind;
  errorType?: RcErrorType | LoginErrorCode;
  reason?: string;
  details?: RcErrorDetails;
}

/**
 * The one error type services throw. Its payload survives the Redis transport unchanged, so the gateway can
 * answer exactly what Rocket.Chat answers.
 */
export class RcError extends RpcException {
  readonly payload: RcErrorPayload;

  constructor(
    errorType: RcErrorType | LoginErrorCode | undefined,
    reason?: string,
    details?: RcErrorDetails,
    kind: RcErrorKind = 'failure',
  ) {
    const payload: RcErrorPayload = { rc: 1, kind, errorType, reason, details };
    super(payload);
    this.payload = payload;
    this.message = reason ?? errorType ?? kind;
  }

  /** A Meteor-style error: `error-room-not-found` + human reason. */
  static failure(errorType: RcErrorType, reason?: string, details?: RcErrorDetails): RcError {
    return new RcError(errorType, reason, details, 'failure');
  }

  /** A plain error message without errorType (Rocket.Chat's `API.v1.failure('text')`). */
  static plain(message: string): RcError {
    return new RcError(undefined, message, undefined, 'plain');
  }

  /** 403 unauthorized: the route-level permission check failed. */
  static forbidden(): RcError {
    return new RcError('unauthorized', 'unauthorized', undefined, 'forbidden');
  }

  static notLoggedIn(): RcError {
    return new RcError(undefined, 'You must be logged in to do this.', undefined, 'not-logged-in');
  }

  static loginFailed(
    error: LoginErrorCode | RcErrorType = 'Unauthorized',
    message = 'Unauthorized',
    details?: RcErrorDetails,
  ): RcError {
    return new RcError(error, message, details, 'login-failed');
  }

  static notFound(): RcError {
    return new RcError(undefined, 'Resource not found', undefined, 'not-found');
  }

  /**
   * Rocket.Chat's `API.v1.failure(message, errorType)`: the message as is (no ` [code]` suffix) and the second
   * string as `errorType` (e.g. `permissions.update`: "Invalid permission" / `error-invalid-permission`).
   */
  static apiFailure(message: string, errorType: RcErrorType): RcError {
    return new RcError(errorType, message, undefined, 'api-failure');
  }

  static invalidParams(messages: string): RcError {
    return new RcError('invalid-params', messages, undefined, 'failure');
  }

  static isPayload(value: unknown): value is RcErrorPayload {
    return typeof value === 'object' && value !== null && (value as RcErrorPayload).rc === 1;
  }

  /** Rebuilds the error from its wire payload (gateway side). */
  static fromPayload(payload: RcErrorPayload): RcError {
    return new RcError(payload.errorType, payload.reason, payload.details, payload.kind);
  }
}

/**
 * An unexpected failure inside a service, as its caller sees it. The service has logged it with its stack and
 * the request id; the caller answers 500 and logs one line.
 */
export class RemoteServiceError extends Error {
  /** the failed call's id, which the service's own log line names (set by the transport client) */
  callId?: string;

  constructor(
    readonly pattern: string,
    message: string,
  ) {
    super(`${pattern}: ${message}`);
    this.name = 'RemoteServiceError';
  }
}
