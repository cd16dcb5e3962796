/**
 * groups.*: the endpoints shared with channels.* (test/helpers/room-suite.ts), the group lists, and privacy: a
 * private group, its members, messages and files are invisible to non-members, who get the same
 * `error-room-not-found` as for a group that does not exist.
 */
import { adminHeaders, get, post } from './helpers/api';
import { describeSharedRoomEndpoints } from './helpers/room-suite';
import { createRoom, GROUPS, member, notFound, roomWithMembers } from './helpers/rooms';

describeSharedRoomEndpoints(GROUPS);

describe('GET /api/v1/groups.list', () => {
  it("lists only the caller's groups, with paging and query", async () => {
    const { room, members } = await roomWithMembers(GROUPS, 1);
    const other = await createRoom(GROUPS, await adminHeaders());
    const res = await get('groups.list', members[0].headers).expect(200);
    const ids = res.body.groups.map((g: { _id: string }) => g._id);
    expect(ids).toContain(room._id);
    expect(ids).not.toContain(other._id);
    expect(res.body).toEqual(expect.objectContaining({ offset: 0, total: ids.length, success: true }));
    const queried = await get('groups.list', members[0].headers, {
      query: JSON.stringify({ name: room.name }),
      fields: '{"name":1,"t":1}',
    }).expect(200);
    expect(queried.body.groups).toEqual([{ _id: room._id, name: room.name, t: 'p' }]);
  });

  it('refuses a bad sort and a caller without login', async () => {
    const { owner } = await roomWithMembers(GROUPS, 0);
    expect((await get('groups.list', owner.headers, { sort: '{"name":2}' }).expect(400)).body.errorType).toBe(
      'error-invalid-sort',
    );
    await get('groups.list', {}).expect(401);
  });
});

describe('GET /api/v1/groups.listAll', () => {
  it('an administrator sees every private group', async () => {
    const { room } = await roomWithMembers(GROUPS, 0);
    const res = await get('groups.listAll', await adminHeaders(), {
      query: JSON.stringify({ name: room.name }),
    }).expect(200);
    expect(res.body.groups.map((g: { _id: string }) => g._id)).toEqual([room._id]);
    expect(res.body.groups[0].joinCode).toBeUndefined();
  });

  it('refuses a caller without view-room-administration and a query on a hidden field', async () => {
    const { owner } = await roomWithMembers(GROUPS, 0);
    expect((await get('groups.listAll', owner.headers).expect(403)).body).toEqual({
      success: false,
      error: 'unauthorized',
    });
    expect(
      (await get('groups.listAll', await adminHeaders(), { query: '{"joinCode":"x"}' }).expect(400)).body.errorType,
    ).toBe('error-invalid-query');
    const hidden = await get('groups.listAll', await adminHeaders(), { fields: '{"joinCode":1}' }).expect(200);
    expect(hidden.body.groups.every((g: Record<string, unknown>) => g.joinCode === undefined)).toBe(true);
  });
});

describe('privacy: a private group is invisible to non-members', () => {
  it('every read and change by a non-member answers exactly as for a group that does not exist', async () => {
    const { room, owner, members } = await roomWithMembers(GROUPS, 1);
    await post('chat.postMessage', owner.headers, { roomId: room._id, text: 'secret' }).expect(200);
    const stranger = await member();
    const absent = notFound(GROUPS);
    const reads = ['info', 'history', 'messages', 'files', 'members', 'roles', 'moderators', 'counters'];
    for (const path of reads) {
      for (const query of [{ roomId: room._id }, { roomName: room.name }] as Record<string, string>[]) {
        const res = await get(`groups.${path}`, stranger.headers, query);
        expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 400, body: absent });
      }
      const unknown = await get(`groups.${path}`, stranger.headers, { roomId: 'no-such-group' });
      expect(unknown.body).toEqual(absent);
    }
    const writes: [string, Record<string, unknown>][] = [
      ['invite', { userId: stranger.user._id }],
      ['kick', { userId: members[0].user._id }],
      ['leave', {}],
      ['open', {}],
      ['close', {}],
      ['archive', {}],
      ['delete', {}],
      ['addModerator', { userId: stranger.user._id }],
      ['setTopic', { topic: 'x' }],
      ['rename', { name: 'taken-over' }],
      ['setType', { type: 'c' }],
    ];
    for (const [path, body] of writes) {
      const res = await post(`groups.${path}`, stranger.headers, { roomId: room._id, ...body });
      expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 400, body: absent });
    }
    const list = await get('groups.list', stranger.headers).expect(200);
    expect(list.body.groups.map((g: { _id: string }) => g._id)).not.toContain(room._id);
    // a channel-namespace look-up does not reveal it either
    expect((await get('channels.info', stranger.headers, { roomId: room._id }).expect(400)).body.errorType).toBe(
      'error-room-not-found',
    );
    // posting is refused too
    expect((await post('chat.postMessage', stranger.headers, { roomId: room._id, text: 'x' })).status).toBe(400);
  });
});
