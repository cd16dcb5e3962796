/**
 * subscriptions.*: the sync list (`updatedSince`, removals remembered), one subscription, and the unread state
 * they hold: a message raises `alert` and `unread` (`Unread_Count`, `Unread_Count_DM`), mentions raise
 * `userMentions` / `groupMentions`, `read` clears them and sets `ls`, `unread` moves `ls` back; the counters of
 * channels, groups and DMs read the same subscription, so they agree.
 */
import { get, NOT_LOGGED_IN, post } from './helpers/api';
import { directPair, say } from './helpers/direct';
import { CHANNELS, createRoom, eventually, GROUPS, member, Member, roomWithMembers } from './helpers/rooms';
import { withSettings } from './helpers/settings';

interface Sub {
  _id: string;
  rid: string;
  unread: number;
  userMentions: number;
  groupMentions: number;
  alert: boolean;
  open: boolean;
  ls: string;
  _updatedAt: string;
}

async function subOf(m: Member, roomId: string): Promise<Sub> {
  return (await get('subscriptions.getOne', m.headers, { roomId }).expect(200)).body.subscription;
}

/** Waits until the member's subscription satisfies `check` (a message updates subscriptions after it answers). */
const subWhen = (m: Member, roomId: string, check: (s: Sub) => boolean) =>
  eventually(async () => {
    const s = await subOf(m, roomId);
    if (!check(s)) {
      throw new Error(`subscription not yet as expected: ${JSON.stringify(s)}`);
    }
    return s;
  });

describe('GET /api/v1/subscriptions.get', () => {
  it("lists the caller's subscriptions; with updatedSince only what changed, and what was removed", async () => {
    const { room, owner, members } = await roomWithMembers(GROUPS, 1);
    const other = await createRoom(CHANNELS, owner.headers);
    const all = await get('subscriptions.get', owner.headers).expect(200);
    expect(all.body.remove).toEqual([]);
    expect(all.body.update.map((s: Sub) => s.rid)).toEqual(expect.arrayContaining([room._id, other._id]));
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await say(members[0].headers, room._id, 'news');
    const leaving = await subOf(owner, other._id);
    await post('channels.delete', owner.headers, { roomId: other._id }).expect(200);
    const changed = await eventually(async () => {
      const res = await get('subscriptions.get', owner.headers, { updatedSince: since }).expect(200);
      expect(res.body.update.map((s: Sub) => s.rid)).toEqual([room._id]);
      return res.body;
    });
    expect(changed.remove).toEqual([{ _id: leaving._id, _deletedAt: expect.any(String) }]);
  });

  it('refuses an invalid date, unknown keys and a caller without login', async () => {
    const m = await member();
    const bad = await get('subscriptions.get', m.headers, { updatedSince: 'yesterday' }).expect(400);
    expect(bad.body).toEqual(expect.objectContaining({ errorType: 'error-roomId-param-invalid', success: false }));
    expect((await get('subscriptions.get', m.headers, { since: 'x' }).expect(400)).body.errorType).toBe(
      'invalid-params',
    );
    expect((await get('subscriptions.get', {}).expect(401)).body).toEqual(NOT_LOGGED_IN);
  });
});

describe('GET /api/v1/subscriptions.getOne', () => {
  it("answers the caller's subscription, and null where the caller is not subscribed", async () => {
    const { room, members } = await roomWithMembers(GROUPS, 1);
    const sub = await subOf(members[0], room._id);
    expect(sub).toEqual(
      expect.objectContaining({ rid: room._id, t: 'p', name: room.name, open: true, unread: 0, alert: false }),
    );
    const outsider = await member();
    const none = await get('subscriptions.getOne', outsider.headers, { roomId: room._id }).expect(200);
    expect(none.body).toEqual({ subscription: null, success: true });
    const unknown = await get('subscriptions.getOne', outsider.headers, { roomId: 'no-such-room' }).expect(200);
    expect(unknown.body).toEqual(none.body);
  });

  it('requires roomId and refuses unknown keys', async () => {
    const m = await member();
    expect((await get('subscriptions.getOne', m.headers).expect(400)).body.errorType).toBe('invalid-params');
    expect((await get('subscriptions.getOne', m.headers, { roomId: 'x', rid: 'y' }).expect(400)).body.errorType).toBe(
      'invalid-params',
    );
  });
});

describe('POST /api/v1/subscriptions.read', () => {
  it('clears unread, mentions and alert and sets ls (by rid or roomId)', async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    const reader = members[0];
    const before = await subOf(reader, room._id);
    await say(owner.headers, room._id, `look @${reader.user.username}`);
    await subWhen(reader, room._id, (s) => s.unread === 1 && s.alert);
    await post('subscriptions.read', reader.headers, { rid: room._id }).expect(200);
    const read = await subOf(reader, room._id);
    expect(read).toEqual(expect.objectContaining({ unread: 0, userMentions: 0, groupMentions: 0, alert: false }));
    expect(new Date(read.ls).getTime()).toBeGreaterThan(new Date(before.ls).getTime());
    await post('subscriptions.read', reader.headers, { roomId: room._id, readThreads: true }).expect(200);
  });

  it('refuses a room the caller is not subscribed to (existing or not) and bad bodies', async () => {
    const { room } = await roomWithMembers(GROUPS, 0);
    const outsider = await member();
    const notIn = await post('subscriptions.read', outsider.headers, { rid: room._id }).expect(400);
    expect(notIn.body).toEqual({ success: false, error: 'error-invalid-subscription' });
    expect((await post('subscriptions.read', outsider.headers, { rid: 'nope' }).expect(400)).body).toEqual(notIn.body);
    expect(
      (await post('subscriptions.read', outsider.headers, { rid: 'a', roomId: 'b' }).expect(400)).body.errorType,
    ).toBe('invalid-params');
    expect((await post('subscriptions.read', outsider.headers, {}).expect(400)).body.errorType).toBe('invalid-params');
  });
});

describe('POST /api/v1/subscriptions.unread', () => {
  it('moves ls back to a message and counts what is unread from there again', async () => {
    const { a, b, room } = await directPair();
    const first = await say(a.headers, room._id, 'one');
    await say(a.headers, room._id, 'two');
    await subWhen(b, room._id, (s) => s.unread === 2);
    await post('subscriptions.read', b.headers, { rid: room._id }).expect(200);
    await post('subscriptions.unread', b.headers, { firstUnreadMessage: { _id: first._id } }).expect(200);
    const unread = await subOf(b, room._id);
    expect(unread).toEqual(expect.objectContaining({ alert: true, unread: 2, ls: first.ts }));
    const counters = await get('im.counters', b.headers, { roomId: room._id }).expect(200);
    expect(counters.body).toEqual(expect.objectContaining({ unreads: 2, unreadsFrom: first.ts }));
    // a message already unread changes nothing
    await post('subscriptions.unread', b.headers, { firstUnreadMessage: { _id: first._id } }).expect(200);
  });

  it('from a roomId: the room is unread from its last message', async () => {
    const { room, owner, members } = await roomWithMembers(GROUPS, 1);
    await say(owner.headers, room._id, 'hello all');
    const last = await say(owner.headers, room._id, 'and @all');
    await post('subscriptions.read', members[0].headers, { rid: room._id }).expect(200);
    await post('subscriptions.unread', members[0].headers, { roomId: room._id }).expect(200);
    const sub = await subOf(members[0], room._id);
    expect(sub).toEqual(expect.objectContaining({ alert: true, ls: last.ts, groupMentions: 1, unread: 1 }));
  });

  it("refuses one's own message, an unknown one and one of a room the caller is not in alike", async () => {
    const { a, room } = await directPair();
    const mine = await say(a.headers, room._id, 'mine');
    const outsider = await member();
    const notAllowed = expect.objectContaining({ errorType: 'error-action-not-allowed' });
    const own = await post('subscriptions.unread', a.headers, { firstUnreadMessage: { _id: mine._id } }).expect(400);
    expect(own.body).toEqual(notAllowed);
    const foreign = await post('subscriptions.unread', outsider.headers, { firstUnreadMessage: { _id: mine._id } });
    const unknown = await post('subscriptions.unread', outsider.headers, { firstUnreadMessage: { _id: 'nope' } });
    expect([foreign.status, unknown.status]).toEqual([400, 400]);
    expect(foreign.body).toEqual(unknown.body);
    expect(foreign.body).toEqual(notAllowed);
  });

  it('refuses a room without subscription or without messages, and bad bodies', async () => {
    const { room, owner } = await roomWithMembers(GROUPS, 0);
    const outsider = await member();
    const noSub = await post('subscriptions.unread', outsider.headers, { roomId: room._id }).expect(400);
    expect(noSub.body.errorType).toBe('error-subscription-not-found');
    expect((await post('subscriptions.unread', outsider.headers, { roomId: 'nope' }).expect(400)).body).toEqual(
      noSub.body,
    );
    // a new group holds no message yet
    const empty = await createRoom(GROUPS, owner.headers);
    const none = await post('subscriptions.unread', owner.headers, { roomId: empty._id }).expect(400);
    expect(none.body.errorType).toBe('error-no-message-for-unread');
    expect((await post('subscriptions.unread', owner.headers, {}).expect(400)).body.errorType).toBe('invalid-params');
    expect(
      (await post('subscriptions.unread', owner.headers, { firstUnreadMessage: {} }).expect(400)).body.errorType,
    ).toBe('invalid-params');
  });
});

describe('unread and mention counters: post → counters → read → counters', () => {
  it('a channel: mentions raise userMentions, @all raises groupMentions; counters agree; read clears', async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 2);
    const [mentioned, bystander] = members;
    await post('subscriptions.read', mentioned.headers, { rid: room._id }).expect(200);
    await post('subscriptions.read', bystander.headers, { rid: room._id }).expect(200);
    await say(owner.headers, room._id, 'plain');
    await say(owner.headers, room._id, `hi @${mentioned.user.username}`);
    await say(owner.headers, room._id, 'ping @all');
    // a post's counters change in one bulk write, one statement after another: a read may fall between two of them
    const m = await subWhen(
      mentioned,
      room._id,
      (s) => s.groupMentions === 1 && s.userMentions === 1 && s.unread === 2,
    );
    expect(m).toEqual(expect.objectContaining({ unread: 2, alert: true }));
    const by = await subWhen(bystander, room._id, (s) => s.groupMentions === 1 && s.unread === 1);
    expect(by).toEqual(expect.objectContaining({ unread: 1, userMentions: 0, alert: true }));
    const counters = await get('channels.counters', mentioned.headers, { roomId: room._id }).expect(200);
    expect(counters.body).toEqual(
      expect.objectContaining({ joined: true, unreads: 3, userMentions: 1, unreadsFrom: m.ls, members: 3 }),
    );
    await post('subscriptions.read', mentioned.headers, { rid: room._id }).expect(200);
    const after = await get('channels.counters', mentioned.headers, { roomId: room._id }).expect(200);
    expect(after.body).toEqual(expect.objectContaining({ unreads: 0, userMentions: 0 }));
    expect(await subOf(mentioned, room._id)).toEqual(
      expect.objectContaining({ unread: 0, userMentions: 0, groupMentions: 0, alert: false }),
    );
  });

  it('a group and a DM: every DM message is unread (Unread_Count_DM), the group counts mentions', async () => {
    const { room, owner, members } = await roomWithMembers(GROUPS, 1);
    await post('subscriptions.read', members[0].headers, { rid: room._id }).expect(200);
    await say(owner.headers, room._id, 'no mention');
    await say(owner.headers, room._id, `@${members[0].user.username} you`);
    await subWhen(members[0], room._id, (s) => s.userMentions === 1);
    const group = await get('groups.counters', members[0].headers, { roomId: room._id }).expect(200);
    expect(group.body).toEqual(expect.objectContaining({ unreads: 2, userMentions: 1 }));
    await post('subscriptions.read', members[0].headers, { rid: room._id }).expect(200);
    expect((await get('groups.counters', members[0].headers, { roomId: room._id })).body.unreads).toBe(0);

    const { a, b, room: dm } = await directPair();
    await say(a.headers, dm._id, 'one');
    await say(a.headers, dm._id, 'two');
    await say(a.headers, dm._id, 'three');
    await subWhen(b, dm._id, (s) => s.unread === 3 && s.alert && s.open);
    expect((await get('im.counters', b.headers, { roomId: dm._id })).body).toEqual(
      expect.objectContaining({ unreads: 3, userMentions: 0, joined: true }),
    );
    await post('subscriptions.read', b.headers, { roomId: dm._id }).expect(200);
    expect((await get('im.counters', b.headers, { roomId: dm._id })).body.unreads).toBe(0);
    // the sender's own messages never count for the sender
    expect((await get('im.counters', a.headers, { roomId: dm._id })).body.unreads).toBe(0);
  });

  it('Unread_Count all_messages counts every channel message once set', async () => {
    await withSettings({ Unread_Count: 'all_messages' }, async () => {
      const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
      const first = await say(owner.headers, room._id, 'a');
      await say(owner.headers, room._id, 'b');
      await post('subscriptions.read', members[0].headers, { rid: room._id }).expect(200);
      // subscriptions.unread recounts under the setting
      await post('subscriptions.unread', members[0].headers, { firstUnreadMessage: { _id: first._id } }).expect(200);
      expect((await subOf(members[0], room._id)).unread).toBe(2);
    });
  });
});
