/**
 * The shape of the permission matrix's data files (`<namespace>.matrix.ts` beside this file, one per API
 * namespace): for every route, what each kind of caller gets. A route the gateway serves with no entry fails the
 * suite, so a new endpoint is declared here when it is added. Where Rocket.Chat's answer is ambiguous (a
 * refusal that 5.x raised inside a method and 7.x declares on the route), the project's endpoint reference
 * (ENDPOINTS.md, "Permission / gate" column) decides, and the entry quotes it in its `note`.
 */
import type { Role, Room, Session } from '../support/fixtures';

export const CALLERS = ['anonymous', 'user', 'bot', 'guest', 'owner', 'moderator', 'admin', 'custom'] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * `ok` (2xx or a redirect), `401` (not logged in), `403` (a route permission, `unauthorized`), or Rocket.Chat's
 * 400 with its errorType (`400 error-action-not-allowed`), or with its error text when it has none
 * (`400 "error-invalid-role-properties"`).
 */
export type Outcome = 'ok' | 401 | 403 | `400 ${string}`;

/** What a request of the matrix may use. */
export interface MatrixFixtures {
  /** another user (the default user parameter); a new one per caller when the entry asks for `freshTarget` */
  target: Session;
  /** a public channel: `owner` created it, `moderator` is a member with the room's moderator role */
  room: Room;
  /** the custom role (the `custom` caller's only role, with the one permission `create-user`) */
  customRole: Role;
  /** the caller (undefined for `anonymous`) */
  caller?: Session;
  /** an image the gateway can download as an avatar */
  imageUrl: string;
  /** the current roles of `view-statistics` (for a permissions.update that changes nothing) */
  viewStatisticsRoles: string[];
  unique(prefix: string): string;
  /** a call as the caller (to prepare what the request needs, e.g. a token to regenerate) */
  asCaller(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
}

export interface MatrixEntry {
  /** the request's parameters (query for GET, JSON body otherwise, and path parameters); default: the route's
   * required and user/room parameters, filled from the fixtures */
  params?: (f: MatrixFixtures) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** each caller gets its own target user (the route changes or deletes it) */
  freshTarget?: boolean;
  /** each caller logs in anew first (the route ends the session it is called with) */
  freshSession?: boolean;
  /** the route ends the caller's other sessions: the caller's shared session is renewed after the call */
  endsOtherSessions?: boolean;
  expect: Record<Caller, Outcome>;
  /** the source of an expectation that is not obvious */
  note?: string;
}

export type MatrixFile = Record<string, MatrixEntry>;

/** Every caller gets `outcome`, except those named. */
export function all(outcome: Outcome, except: Partial<Record<Caller, Outcome>> = {}): Record<Caller, Outcome> {
  return Object.fromEntries(CALLERS.map((c) => [c, except[c] ?? outcome])) as Record<Caller, Outcome>;
}

/** Logged-in callers get `outcome` (default `ok`), anonymous callers 401, except those named. */
export function loggedIn(
  outcome: Outcome = 'ok',
  except: Partial<Record<Caller, Outcome>> = {},
): Record<Caller, Outcome> {
  return all(outcome, { anonymous: 401, ...except });
}

/** Only these callers get `ok`; other logged-in callers get `refusal`; anonymous callers 401. */
export function only(callers: Caller[], refusal: Outcome): Record<Caller, Outcome> {
  return Object.fromEntries(
    CALLERS.map((c) => [c, c === 'anonymous' ? 401 : callers.includes(c) ? 'ok' : refusal]),
  ) as Record<Caller, Outcome>;
}
