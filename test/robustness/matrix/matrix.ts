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
 * (`400 "error-invalid-role-properties"`); in an error text the fixtures' names and ids read `<room>`, `<rid>`,
 * `<mid>`.
 */
export type Outcome = 'ok' | 401 | 403 | `400 ${string}`;

/** A message of the fixtures: its id and its room. */
export interface MatrixMessage {
  _id: string;
  rid: string;
}

/** What a new room of the fixtures holds besides its owner (`owner`) and its moderator (`moderator`). */
export interface FreshRoomOptions {
  /** more members (usernames) */
  members?: string[];
  /** archived by its owner once made */
  archived?: boolean;
}

/**
 * Objects made anew for each caller, for the requests that change or remove what they act on (delete, archive,
 * kick, leave, setType, rename, a message deleted, an invite removed...): no caller meets what an earlier caller
 * did. Rooms are made like `room` and `group` (owned by `owner`, `moderator` a member with the room's moderator
 * role), messages and invites by `owner`.
 */
export interface FreshFixtures {
  channel(options?: FreshRoomOptions): Promise<Room>;
  group(options?: FreshRoomOptions): Promise<Room>;
  /** a group DM of `owner`, `moderator` and a new user, open for all three */
  dm(): Promise<Room>;
  /** a message of `owner` in `rid` (default: `room`) */
  message(rid?: string): Promise<MatrixMessage>;
  /** an invite token of `owner` to `rid` (default: a new channel) */
  invite(rid?: string): Promise<string>;
}

/** What a request of the matrix may use. */
export interface MatrixFixtures {
  /** another user (the default user parameter); a new one per caller when the entry asks for `freshTarget` */
  target: Session;
  /** a public channel: `owner` created it, `moderator` is a member with the room's moderator role */
  room: Room;
  /** a private group with the same members and roles as `room` */
  group: Room;
  /** the direct message of `owner` and `moderator` */
  dm: Room;
  /** a message of `owner` in `room`, the parent of a thread (`moderator` replied in it) */
  message: MatrixMessage;
  /** a message of `owner` in `group` */
  groupMessage: MatrixMessage;
  /** a discussion of `room`, started by `owner` */
  discussion: Room;
  /** an invite token of `owner` to `room` */
  invite: string;
  /** the callers that are members of the rooms above */
  members: { owner: Session; moderator: Session };
  /** the custom role (the `custom` caller's only role, with the one permission `create-user`) */
  customRole: Role;
  /** the caller (undefined for `anonymous`) */
  caller?: Session;
  /** an image the gateway can download as an avatar */
  imageUrl: string;
  /** the current roles of `view-statistics` (for a permissions.update that changes nothing) */
  viewStatisticsRoles: string[];
  unique(prefix: string): string;
  /** an ISO date some time ago (for `since`, `updatedSince`, ...) */
  since: string;
  fresh: FreshFixtures;
  /** a call as the caller (to prepare what the request needs, e.g. a token to regenerate) */
  asCaller(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  /** a call as `owner` that must succeed (to prepare what the request acts on) */
  asOwner(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  /** work to do once the cell is answered (e.g. a default channel made by the request is removed again) */
  afterwards(task: () => Promise<unknown>): void;
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

/** Only these callers get `ok`; other logged-in callers get `refusal` (unless named); anonymous callers 401. */
export function only(
  callers: Caller[],
  refusal: Outcome,
  except: Partial<Record<Caller, Outcome>> = {},
): Record<Caller, Outcome> {
  return Object.fromEntries(
    CALLERS.map((c) => [c, except[c] ?? (c === 'anonymous' ? 401 : callers.includes(c) ? 'ok' : refusal)]),
  ) as Record<Caller, Outcome>;
}

/** The members of the fixture rooms (`owner`, `moderator`) get `ok`, other logged-in callers `refusal`. */
export function members(refusal: Outcome, except: Partial<Record<Caller, Outcome>> = {}): Record<Caller, Outcome> {
  return only(['owner', 'moderator'], refusal, except);
}
