/** HTTP helpers for the e2e tests: a supertest agent on the gateway, login, and fixtures made through the API. */
import { createHash } from 'node:crypto';
import supertest from 'supertest';
import { readState } from './state';

export type TestAgent = ReturnType<typeof supertest>;

export interface AuthHeaders {
  'X-User-Id': string;
  'X-Auth-Token': string;
}

export interface Credentials {
  userId: string;
  authToken: string;
  headers: AuthHeaders;
}

export interface CreatedUser {
  _id: string;
  username: string;
  [key: string]: unknown;
}

export interface CreatedChannel {
  _id: string;
  name: string;
  [key: string]: unknown;
}

export interface NewUser {
  username: string;
  email: string;
  name: string;
  password: string;
  [key: string]: unknown;
}

let cachedUrl: string | undefined;

export function gatewayUrl(): string {
  cachedUrl ??= process.env.E2E_GATEWAY_URL ?? readState().gatewayUrl;
  return cachedUrl;
}

/** A supertest agent on the gateway: `await request().get('/api/info').expect(200)`. */
export function request(): TestAgent {
  return supertest(gatewayUrl());
}

let counter = 0;

/** `prefix.<ms>.<counter><random>`: valid as a Rocket.Chat username or room name. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}.${Date.now()}.${counter}${Math.random().toString(36).slice(2, 7)}`;
}

function describeResponse(res: supertest.Response): string {
  return `${res.status} ${JSON.stringify(res.body)}`;
}

export async function login(user: string, password: string): Promise<Credentials> {
  const res = await request().post('/api/v1/login').send({ user, password });
  const body = res.body as { status?: string; data?: { userId?: string; authToken?: string } };
  if (res.status !== 200 || body.status !== 'success' || !body.data?.userId || !body.data.authToken) {
    throw new Error(`login as ${user} failed: ${describeResponse(res)}`);
  }
  const { userId, authToken } = body.data;
  return { userId, authToken, headers: { 'X-User-Id': userId, 'X-Auth-Token': authToken } };
}

export function adminCredentials(): { username: string; password: string } {
  const { admin } = readState();
  return { username: admin.username, password: admin.password };
}

let adminLogin: Promise<Credentials> | undefined;

/** Admin login, cached per test file. */
export async function adminHeaders(): Promise<AuthHeaders> {
  adminLogin ??= login(adminCredentials().username, adminCredentials().password).catch((err: unknown) => {
    adminLogin = undefined;
    throw err;
  });
  return (await adminLogin).headers;
}

/** Creates a user as admin (POST /api/v1/users.create). Password `rocket.chat` unless overridden. */
export async function createUser(overrides: Partial<NewUser> = {}): Promise<{ user: CreatedUser; password: string }> {
  const username = overrides.username ?? unique('e2e.user');
  const body: NewUser = {
    name: `E2E ${username}`,
    email: `${username}@e2e.test`,
    password: 'rocket.chat',
    ...overrides,
    username,
  };
  const res = await request()
    .post('/api/v1/users.create')
    .set({ ...(await adminHeaders()) })
    .send(body);
  const reply = res.body as { success?: boolean; user?: CreatedUser };
  if (res.status !== 200 || reply.success !== true || !reply.user?._id) {
    throw new Error(`users.create ${username} failed: ${describeResponse(res)}`);
  }
  return { user: reply.user, password: body.password };
}

/** createUser, then login as that user. */
export async function createUserAndLogin(
  overrides: Partial<NewUser> = {},
): Promise<{ user: CreatedUser; password: string; credentials: Credentials }> {
  const created = await createUser(overrides);
  const credentials = await login(created.user.username, created.password);
  return { ...created, credentials };
}

/** POST /api/v1/channels.create as the owner of `headers`. */
export async function createChannel(
  headers: AuthHeaders,
  name: string = unique('e2e-channel'),
  extra: Record<string, unknown> = {},
): Promise<CreatedChannel> {
  const res = await request()
    .post('/api/v1/channels.create')
    .set({ ...headers })
    .send({ ...extra, name });
  const reply = res.body as { success?: boolean; channel?: CreatedChannel };
  if (res.status !== 200 || reply.success !== true || !reply.channel?._id) {
    throw new Error(`channels.create ${name} failed: ${describeResponse(res)}`);
  }
  return reply.channel;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** `POST /api/v1/<path>` with the given headers and JSON body. */
export const post = (path: string, headers: AuthHeaders | Record<string, string>, body: unknown) =>
  request()
    .post(`/api/v1/${path}`)
    .set({ ...headers })
    .send(body as object);

/** `GET /api/v1/<path>` with the given headers and query. */
export const get = (path: string, headers: AuthHeaders | Record<string, string>, query: Record<string, string> = {}) =>
  request()
    .get(`/api/v1/${path}`)
    .set({ ...headers })
    .query(query);

/** Rocket.Chat 7's 401 body. */
export const NOT_LOGGED_IN = {
  success: false,
  status: 'error',
  message: 'You must be logged in to do this.',
  error: 'You must be logged in to do this.',
};

/**
 * Admin headers plus the password second factor: 2FA routes (users.update, PATs, settings) need it from an admin
 * account older than Accounts_TwoFactorAuthentication_RememberFor (30 min).
 */
export async function adminWith2fa(): Promise<Record<string, string>> {
  return {
    ...(await adminHeaders()),
    'x-2fa-code': sha256(adminCredentials().password),
    'x-2fa-method': 'password',
  };
}

export async function permissionRoles(id: string): Promise<string[]> {
  const res = await get('permissions.listAll', await adminHeaders()).expect(200);
  return (res.body.update as { _id: string; roles: string[] }[]).find((p) => p._id === id)!.roles;
}

export async function setPermissionRoles(id: string, roles: string[]): Promise<void> {
  await post('permissions.update', await adminHeaders(), { permissions: [{ _id: id, roles }] }).expect(200);
}
