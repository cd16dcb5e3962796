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

/** A JSON document as it crosses the transport (dates are ISO strings). */
export type Doc = Record<string, unknown>;

export interface HealthResult {
  service: string;
  consumer: string;
  handled: number;
  inFlight: number;
  database: 'up' | 'down';
}

/** The Rocket.Chat server version whose REST API this backend answers as. */
export const RC_COMPAT_VERSION = '7.0.0';
