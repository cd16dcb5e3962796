/** Fixtures for the room namespaces (channels.*, groups.*): what differs between them, rooms, members, polling. */
import { AuthHeaders, createUserAndLogin, Credentials, CreatedUser, get, post, unique } from './api';

/** What a room namespace answers with: its path prefix, its response key, its room type and its errors. */
export interface RoomNamespace {
  ns: 'channels' | 'groups';
  key: 'channel' | 'group';
  t: 'c' | 'p';
  noun: string;
  missingParam: string;
  notFound: string;
}

export const CHANNELS: RoomNamespace = {
  ns: 'channels',
  key: 'channel',
  t: 'c',
  noun: 'channel',
  missingParam: 'error-roomid-param-not-provided',
  notFound: 'The required "roomId" or "roomName" param provided does not match any channel',
};

export const GROUPS: RoomNamespace = {
  ns: 'groups',
  key: 'group',
  t: 'p',
  noun: 'private group',
  missingParam: 'error-room-param-not-provided',
  notFound: 'The required "roomId" or "roomName" param provided does not match any group',
};

export interface Room {
  _id: string;
  name: string;
  [key: string]: unknown;
}

export interface Member {
  user: CreatedUser;
  credentials: Credentials;
  headers: AuthHeaders;
}

/** A new user, logged in. */
export async function member(roles?: string[]): Promise<Member> {
  const { user, credentials } = await createUserAndLogin(roles ? { roles } : {});
  return { user, credentials, headers: credentials.headers };
}

/** `<ns>.create` as `headers`; fails the test on anything but 200. */
export async function createRoom(
  k: RoomNamespace,
  headers: AuthHeaders,
  extra: Record<string, unknown> = {},
): Promise<Room> {
  const name = (extra.name as string | undefined) ?? unique(`e2e-${k.ns}`);
  const res = await post(`${k.ns}.create`, headers, { ...extra, name });
  if (res.status !== 200 || !res.body[k.key]?._id) {
    throw new Error(`${k.ns}.create ${name} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body[k.key] as Room;
}

/** A room owned by a new user, with `count` other new members. */
export async function roomWithMembers(
  k: RoomNamespace,
  count: number,
): Promise<{ room: Room; owner: Member; members: Member[] }> {
  const owner = await member();
  const members = await Promise.all(Array.from({ length: count }, () => member()));
  const room = await createRoom(k, owner.headers, { members: members.map((m) => m.user.username) });
  return { room, owner, members };
}

/** Rocket.Chat's 400 for a room the caller cannot see. */
export const notFound = (k: RoomNamespace) => ({
  success: false,
  error: `${k.notFound} [error-room-not-found]`,
  errorType: 'error-room-not-found',
});

/** Retries `fn` until it stops throwing (system messages are written by chat after the call answers). */
export async function eventually<T>(fn: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) {
        throw err;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The room's history as `{t, msg}` (newest first), through `<ns>.history`. */
export async function historyOf(
  k: RoomNamespace,
  headers: AuthHeaders,
  roomId: string,
): Promise<{ t?: string; msg: string; role?: string; u: { username: string } }[]> {
  const res = await get(`${k.ns}.history`, headers, { roomId, count: '100' }).expect(200);
  return res.body.messages;
}

/** Waits until the room's history holds a system message of type `t` (and text `msg`, when given). */
export async function systemMessage(
  k: RoomNamespace,
  headers: AuthHeaders,
  roomId: string,
  t: string,
  msg?: string,
): Promise<{ t?: string; msg: string; role?: string; u: { username: string } }> {
  return eventually(async () => {
    const found = (await historyOf(k, headers, roomId)).find((m) => m.t === t && (msg === undefined || m.msg === msg));
    if (!found) {
      throw new Error(`no ${t} message ${msg ?? ''} in ${roomId}`);
    }
    return found;
  });
}
