/**
 * Users, sessions, rooms and roles the robustness suites create for themselves through the API (never the shared
 * admin's own data): every name is unique, so the suites leave the shared e2e stack as other specs expect it.
 */
import { createHash } from 'node:crypto';
import { readState } from '../../helpers/state';
import { call } from './http';

export type Headers = Record<string, string>;

export interface Session {
  _id: string;
  username: string;
  password: string;
  headers: Headers;
}

export interface Room {
  _id: string;
  name: string;
}

export interface Role {
  _id: string;
  name: string;
}

let counter = 0;

/** `prefix-<ms>-<n><random>`: a valid username, room name or role name, unique in the run. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}${Math.random().toString(36).slice(2, 6)}`;
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export function gateway(): string {
  return process.env.E2E_GATEWAY_URL ?? readState().gatewayUrl;
}

function fail(what: string, res: { status: number; body: unknown }): never {
  throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

let logins = 0;

/** Logs in (from an address of its own, so the suites' many logins stay under the login rate limit). */
export async function loginAs(username: string, password: string, base = gateway()): Promise<Headers> {
  logins += 1;
  const from = { 'X-Forwarded-For': benchmarkIp(100_000 + logins) };
  const res = await call(base, 'POST', '/api/v1/login', from, { user: username, password });
  const data = res.body.data as { userId?: string; authToken?: string } | undefined;
  if (res.status !== 200 || !data?.userId || !data.authToken) {
    fail(`login ${username}`, res);
  }
  return { 'X-User-Id': data.userId, 'X-Auth-Token': data.authToken };
}

let sharedAdmin: Promise<Headers> | undefined;

/** The e2e stack's admin: used only to create the suites' own users. */
export function sharedAdminHeaders(): Promise<Headers> {
  const { admin } = readState();
  sharedAdmin ??= loginAs(admin.username, admin.password);
  return sharedAdmin;
}

/** A new user with these global roles (default `user`), logged in. */
export async function createSession(
  prefix: string,
  roles: string[] = ['user'],
  base = gateway(),
  admin?: Headers,
  login = true,
): Promise<Session> {
  const username = uniqueName(prefix);
  const password = `pw-${username}`;
  const res = await call(base, 'POST', '/api/v1/users.create', admin ?? (await sharedAdminHeaders()), {
    username,
    email: `${username}@robustness.test`,
    name: `Robustness ${username}`,
    password,
    roles,
    joinDefaultChannels: false,
    verified: true,
  });
  const user = res.body.user as { _id?: string } | undefined;
  if (res.status !== 200 || !user?._id) {
    fail(`users.create ${username}`, res);
  }
  return { _id: user._id, username, password, headers: login ? await loginAs(username, password, base) : {} };
}

let setUps = 0;

/**
 * A call a suite's set-up needs to succeed (a room, a message, an invite): from an address of its own, so that
 * set-up never meets the rate limiter; throws on anything but a 200 success.
 */
export async function setUp(
  headers: Headers,
  method: string,
  path: string,
  body?: unknown,
  base = gateway(),
): Promise<Record<string, unknown>> {
  setUps += 1;
  const from = { 'X-Forwarded-For': benchmarkIp(120_000 + (setUps % 10_000)) };
  const res = await call(base, method, path, { ...headers, ...from }, body);
  if (res.status !== 200 || res.body.success === false) {
    fail(`${method} ${path} ${JSON.stringify(body ?? {})}`, res);
  }
  return res.body;
}

/** A public channel owned by `owner`, with `members` (usernames) in it. */
export async function createChannel(owner: Headers, members: string[] = [], base = gateway()): Promise<Room> {
  return createRoom('c', owner, members, base);
}

/** A public channel (`c`) or a private group (`p`) owned by `owner`, with `members` (usernames) in it. */
export async function createRoom(
  t: 'c' | 'p',
  owner: Headers,
  members: string[] = [],
  base = gateway(),
): Promise<Room> {
  const name = uniqueName('robust');
  const body = await setUp(
    owner,
    'POST',
    `/api/v1/${t === 'c' ? 'channels' : 'groups'}.create`,
    { name, members },
    base,
  );
  const room = body[t === 'c' ? 'channel' : 'group'] as Room | undefined;
  if (!room?._id) {
    throw new Error(`${t === 'c' ? 'channels' : 'groups'}.create ${name}: no room in ${JSON.stringify(body)}`);
  }
  return { _id: room._id, name: room.name };
}

/** A message `from` posts in `roomId` (a reply in thread `tmid` when given): its id. */
export async function postMessage(from: Headers, roomId: string, text: string, tmid?: string): Promise<string> {
  const body = await setUp(from, 'POST', '/api/v1/chat.postMessage', { roomId, text, ...(tmid ? { tmid } : {}) });
  return (body.message as { _id: string })._id;
}

/** A custom role (scope `Users`), created by the shared admin. */
export async function createRole(prefix: string, base = gateway(), admin?: Headers): Promise<Role> {
  const name = uniqueName(prefix);
  const res = await call(base, 'POST', '/api/v1/roles.create', admin ?? (await sharedAdminHeaders()), {
    name,
    scope: 'Users',
    description: 'created by the robustness suites',
  });
  const role = res.body.role as Role | undefined;
  if (res.status !== 200 || !role?._id) {
    fail(`roles.create ${name}`, res);
  }
  return { _id: role._id, name: role.name };
}

/** Gives `username` a role, globally or (room-scoped roles such as `moderator`) in `roomId`. */
export async function addUserToRole(
  roleName: string,
  username: string,
  roomId?: string,
  base = gateway(),
): Promise<void> {
  const res = await call(base, 'POST', '/api/v1/roles.addUserToRole', await sharedAdminHeaders(), {
    roleName,
    username,
    ...(roomId ? { roomId } : {}),
  });
  if (res.status !== 200) {
    fail(`roles.addUserToRole ${roleName} ${username}`, res);
  }
}

/** Sets the roles of a permission, returning the roles it had. */
export async function grantPermission(permission: string, roles: string[], base = gateway()): Promise<string[]> {
  const admin = await sharedAdminHeaders();
  const list = await call(base, 'GET', '/api/v1/permissions.listAll', admin);
  const before = (list.body.update as { _id: string; roles: string[] }[]).find((p) => p._id === permission)?.roles;
  if (!before) {
    throw new Error(`no permission ${permission}`);
  }
  const res = await call(base, 'POST', '/api/v1/permissions.update', admin, {
    permissions: [{ _id: permission, roles: [...new Set([...before, ...roles])] }],
  });
  if (res.status !== 200) {
    fail(`permissions.update ${permission}`, res);
  }
  return before;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** An address of 198.18.0.0/15 (benchmark range) for X-Forwarded-For: per-IP counters start fresh. */
export function benchmarkIp(n: number): string {
  return `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;
}
