/** The caller as the gateway resolved it from X-User-Id / X-Auth-Token. */
export interface AuthUser {
  _id: string;
  username: string;
  name?: string;
  roles: string[];
  type: string;
  active: boolean;
  /** hashed login token of this request (logout removes it) */
  hashedToken: string;
  /** the token is a personal access token */
  isPat?: boolean;
  /** a personal access token created with `bypassTwoFactor` */
  bypassTwoFactor?: boolean;
}

/** Every request on behalf of a logged-in user carries it. */
export interface CallerPayload {
  caller: AuthUser;
}

/** Paging as the gateway parsed it (`libs/paging`). Sort/fields/query are forwarded as plain JSON. */
export interface PageRequest {
  offset: number;
  /** 0 = no limit (only when API_Allow_Infinite_Count) */
  count: number;
  sort?: Record<string, 1 | -1>;
  fields?: Record<string, 0 | 1>;
  /** allow-listed MongoDB filter in EJSON form (`{"$date": ...}` revived by the service) */
  query?: Record<string, unknown>;
}

/** A list endpoint's request: the caller and the parsed paging. */
export interface ListPayload extends CallerPayload {
  page: PageRequest;
}

/** `{ <key>: T[], count, offset, total }`, Rocket.Chat's paged list answer. */
export type Paged<K extends string, T> = { [P in K]: T[] } & { count: number; offset: number; total: number };

/** `userId`, `username` or `user` (Rocket.Chat's getUserFromParams). */
export interface UserParams {
  userId?: string;
  username?: string;
  user?: string;
}

/** `roomId` or `roomName` (Rocket.Chat's findChannelByIdOrName and friends). */
export interface RoomRef {
  roomId?: string;
  roomName?: string;
}

/** The `x-2fa-code` / `x-2fa-method` headers of a request to a route Rocket.Chat flags `twoFactorRequired`. */
export interface TwoFactorInput {
  code?: string;
  method?: string;
}

/** A request to a `twoFactorRequired` route: the service checks the second factor before the handler runs. */
export interface TwoFactorPayload extends CallerPayload {
  twoFactor?: TwoFactorInput;
}

/**
 * A body Rocket.Chat checks inside the handler (its own error codes, not `invalid-params`), so the gateway
 * forwards it untouched and the service validates it.
 */
export interface RawBodyPayload extends CallerPayload {
  body: Record<string, unknown>;
}

/** An empty answer (`{success: true}` on the wire). */
export type Empty = Record<string, never>;

export interface HealthResult {
  service: string;
  consumer: string;
  handled: number;
  inFlight: number;
  database: 'up' | 'down';
}

/** The Rocket.Chat server version whose REST API this backend answers as. */
export const RC_COMPAT_VERSION = '7.0.0';
