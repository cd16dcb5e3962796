/** Fixtures for direct messages (im.* / dm.*): a DM between new users, and posting into it. */
import { AuthHeaders, post } from './api';
import { member, Member } from './rooms';

export interface DirectRoom {
  _id: string;
  rid: string;
  t: 'd';
  uids: string[];
  usernames: string[];
  usersCount: number;
  [key: string]: unknown;
}

/** im.create as `from` with `to`; fails the test on anything but 200. */
export async function createDirect(from: Member, to: Member): Promise<DirectRoom> {
  const res = await post('im.create', from.headers, { username: to.user.username });
  if (res.status !== 200 || !res.body.room?._id) {
    throw new Error(`im.create failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.room as DirectRoom;
}

/** Two new users and their DM (created by `a`). */
export async function directPair(): Promise<{ a: Member; b: Member; room: DirectRoom }> {
  const [a, b] = await Promise.all([member(), member()]);
  return { a, b, room: await createDirect(a, b) };
}

/** The id Rocket.Chat gives a one-to-one DM: both user ids sorted and joined. */
export const directId = (...ids: string[]) => [...ids].sort().join('');

/** chat.postMessage into a room as `headers`; fails the test on anything but 200. */
export async function say(headers: AuthHeaders, roomId: string, text: string): Promise<{ _id: string; ts: string }> {
  const res = await post('chat.postMessage', headers, { roomId, text });
  if (res.status !== 200) {
    throw new Error(`chat.postMessage failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.message;
}
