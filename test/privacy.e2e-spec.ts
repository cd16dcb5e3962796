/**
 * Privacy of DMs, private groups and their discussions across every endpoint of im.*, rooms.*, subscriptions.*,
 * the invites, directory and spotlight: two users share a DM and a private group (with a discussion and
 * messages), a third is outside. The outsider gets, for each of those rooms, exactly the answer it gets for a
 * room that does not exist, and no list or search shows them.
 */
import { get, post, request, unique } from './helpers/api';
import { createDirect, directId, say } from './helpers/direct';
import { createRoom, GROUPS, member, Member, Room } from './helpers/rooms';

type Call = (roomId: string) => Promise<{ status: number; body: unknown }>;

describe('an outsider learns nothing of a DM or a private group it is not part of', () => {
  let a: Member;
  let b: Member;
  let outsider: Member;
  let group: Room;
  let discussionId: string;
  let dmId: string;
  let groupMessageId: string;
  const missing = unique('no-such-room');

  beforeAll(async () => {
    [a, b, outsider] = await Promise.all([member(), member(), member()]);
    group = await createRoom(GROUPS, a.headers, { name: unique('secret-plans'), members: [b.user.username] });
    const dm = await createDirect(a, b);
    dmId = dm._id;
    expect(dmId).toBe(directId(a.user._id, b.user._id));
    await say(a.headers, dmId, 'between us');
    groupMessageId = (await say(b.headers, group._id, 'group secret'))._id;
    const d = await post('rooms.createDiscussion', a.headers, { prid: group._id, t_name: 'hidden talk' }).expect(200);
    discussionId = d.body.discussion._id;
  });

  /** The outsider's answer for each private room equals its answer for a room that does not exist. */
  async function sameAsMissing(call: Call, rooms: () => string[], refused = true): Promise<void> {
    const expected = await call(missing);
    if (refused) {
      expect(expected.status).toBeGreaterThanOrEqual(400);
    }
    for (const rid of rooms()) {
      const res = await call(rid);
      expect({ rid, status: res.status, body: res.body }).toEqual({
        rid,
        status: expected.status,
        body: expected.body,
      });
    }
  }

  const all = () => [group._id, dmId, discussionId];
  const h = () => outsider.headers;

  it('rooms.info, rooms.getDiscussions, rooms.favorite, rooms.leave, rooms.cleanHistory', async () => {
    await sameAsMissing((roomId) => get('rooms.info', h(), { roomId }), all);
    await sameAsMissing((roomId) => get('rooms.getDiscussions', h(), { roomId }), all);
    await sameAsMissing((roomId) => post('rooms.favorite', h(), { roomId, favorite: true }), all);
    await sameAsMissing((roomId) => post('rooms.leave', h(), { roomId }), all);
    await sameAsMissing(
      (roomId) =>
        post('rooms.cleanHistory', h(), { roomId, oldest: '2000-01-01T00:00:00Z', latest: new Date().toISOString() }),
      all,
    );
    // by name too
    expect((await get('rooms.info', h(), { roomName: group.name })).body).toEqual(
      (await get('rooms.info', h(), { roomName: missing })).body,
    );
  });

  it('rooms.saveNotification, rooms.createDiscussion, rooms.adminRooms, rooms.get', async () => {
    await sameAsMissing(
      (roomId) => post('rooms.saveNotification', h(), { roomId, notifications: { hideUnreadStatus: '1' } }),
      all,
    );
    await sameAsMissing((prid) => post('rooms.createDiscussion', h(), { prid, t_name: 'peek' }), all);
    expect((await get('rooms.adminRooms', h(), { filter: group.name })).status).toBe(400);
    const mine = await get('rooms.get', h()).expect(200);
    const ids = mine.body.update.map((r: { _id: string }) => r._id);
    for (const rid of all()) {
      expect(ids).not.toContain(rid);
    }
  });

  it('subscriptions.get, getOne, read and unread', async () => {
    // a null subscription, as for a room that does not exist
    await sameAsMissing((roomId) => get('subscriptions.getOne', h(), { roomId }), all, false);
    expect((await get('subscriptions.getOne', h(), { roomId: group._id })).body).toEqual({
      subscription: null,
      success: true,
    });
    await sameAsMissing((rid) => post('subscriptions.read', h(), { rid }), all);
    await sameAsMissing((roomId) => post('subscriptions.unread', h(), { roomId }), all);
    const byMessage = await post('subscriptions.unread', h(), { firstUnreadMessage: { _id: groupMessageId } });
    const byMissing = await post('subscriptions.unread', h(), { firstUnreadMessage: { _id: missing } });
    expect([byMessage.status, byMessage.body]).toEqual([byMissing.status, byMissing.body]);
    const subs = await get('subscriptions.get', h()).expect(200);
    const rids = subs.body.update.map((s: { rid: string }) => s.rid);
    for (const rid of all()) {
      expect(rids).not.toContain(rid);
    }
  });

  it('every im.* endpoint on the DM (whose id the outsider can compute)', async () => {
    const dm = () => [dmId];
    await sameAsMissing((roomId) => get('im.history', h(), { roomId }), dm);
    await sameAsMissing((roomId) => get('im.messages', h(), { roomId }), dm);
    await sameAsMissing((roomId) => get('im.files', h(), { roomId }), dm);
    await sameAsMissing((roomId) => get('im.members', h(), { roomId }), dm);
    await sameAsMissing((roomId) => get('im.counters', h(), { roomId }), dm);
    await sameAsMissing((roomId) => post('im.open', h(), { roomId }), dm);
    await sameAsMissing((roomId) => post('im.close', h(), { roomId }), dm);
    await sameAsMissing((roomId) => post('im.setTopic', h(), { roomId, topic: 'x' }), dm);
    await sameAsMissing((roomId) => get('dm.messages.others', h(), { roomId }), dm);
    const list = await get('im.list', h()).expect(200);
    expect(list.body.ims.map((r: { _id: string }) => r._id)).not.toContain(dmId);
    expect((await get('im.list.everyone', h())).status).toBeGreaterThanOrEqual(400);
    // a DM by username is the caller's own DM with that user, never someone else's
    const own = await get('im.messages', h(), { username: a.user.username }).expect(200);
    expect(own.body.total).toBe(0);
  });

  it('invites, directory and spotlight', async () => {
    await sameAsMissing((rid) => post('findOrCreateInvite', h(), { rid, days: 1, maxUses: 0 }), all);
    const dir = await get('directory', h(), { type: 'channels', text: group.name }).expect(200);
    expect(dir.body).toEqual(expect.objectContaining({ result: [], total: 0 }));
    const spot = await get('spotlight', h(), { query: group.name }).expect(200);
    expect(spot.body.rooms).toEqual([]);
    const talk = await get('spotlight', h(), { query: '#hidden talk' }).expect(200);
    expect(talk.body.rooms).toEqual([]);
    // the members themselves do find the group
    expect((await get('directory', b.headers, { text: group.name })).body.total).toBe(1);
    expect(
      (await get('spotlight', b.headers, { query: `#${group.name}` })).body.rooms.map((r: { _id: string }) => r._id),
    ).toEqual([group._id]);
  });

  it('a removed group is announced to its members only', async () => {
    const since = new Date().toISOString();
    const doomed = await createRoom(GROUPS, a.headers, { name: unique('doomed'), members: [b.user.username] });
    await post('groups.delete', a.headers, { roomId: doomed._id }).expect(200);
    const member = await get('rooms.get', b.headers, { updatedSince: since }).expect(200);
    expect(member.body.remove.map((r: { _id: string }) => r._id)).toContain(doomed._id);
    const other = await get('rooms.get', h(), { updatedSince: since }).expect(200);
    expect(other.body.remove).toEqual([]);
    const subs = await get('subscriptions.get', h(), { updatedSince: since }).expect(200);
    expect(subs.body.remove).toEqual([]);
    expect(
      (
        await request()
          .get('/api/v1/rooms.get')
          .set({ ...h() })
      ).status,
    ).toBe(200);
  });
});
