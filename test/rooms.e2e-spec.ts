/**
 * rooms.*: rooms of any type. Every endpoint's success path and refusals; a private room the caller cannot
 * access is answered exactly like a room that does not exist. Discussions are rooms with `prid`, announced in
 * their parent with `drid`, with subscriptions of their own.
 */
import { adminHeaders, get, NOT_LOGGED_IN, post, unique } from './helpers/api';
import { directPair, say } from './helpers/direct';
import { CHANNELS, createRoom, eventually, GROUPS, member, notFound, roomWithMembers } from './helpers/rooms';
import { withSettings } from './helpers/settings';

const ROOM_NOT_FOUND = {
  success: false,
  error: 'The required "roomId" or "roomName" param provided does not match any channel [error-room-not-found]',
  errorType: 'error-room-not-found',
};
const MISSING = {
  success: false,
  error: 'The parameter "roomId" or "roomName" is required [error-roomid-param-not-provided]',
  errorType: 'error-roomid-param-not-provided',
};

describe('GET /api/v1/rooms.adminRooms', () => {
  it('lists every room for room administrators, by name and types, paged', async () => {
    const { room: group } = await roomWithMembers(GROUPS, 0);
    const admin = await adminHeaders();
    const byName = await get('rooms.adminRooms', admin, { filter: group.name }).expect(200);
    expect(byName.body).toEqual(expect.objectContaining({ count: 1, offset: 0, total: 1, success: true }));
    expect(byName.body.rooms[0]).toEqual(expect.objectContaining({ _id: group._id, t: 'p', name: group.name }));
    expect(byName.body.rooms[0].joinCode).toBeUndefined();
    const onlyChannels = await get('rooms.adminRooms', admin, { filter: group.name, 'types[]': 'c' }).expect(200);
    expect(onlyChannels.body.total).toBe(0);
    const typesString = await get('rooms.adminRooms', admin, { filter: group.name, types: 'p' }).expect(200);
    expect(typesString.body.total).toBe(1);
    const dms = await get('rooms.adminRooms', admin, { 'types[]': 'd', count: '1' }).expect(200);
    expect(dms.body.rooms.every((r: { t: string }) => r.t === 'd')).toBe(true);
  });

  it('refuses a caller without view-room-administration, a bad sort and no login', async () => {
    const m = await member();
    expect((await get('rooms.adminRooms', m.headers).expect(400)).body).toEqual({
      success: false,
      error: 'error-not-authorized',
    });
    expect(
      (await get('rooms.adminRooms', await adminHeaders(), { sort: '{"name":0}' }).expect(400)).body.errorType,
    ).toBe('error-invalid-sort');
    expect((await get('rooms.adminRooms', {}).expect(401)).body).toEqual(NOT_LOGGED_IN);
  });
});

describe('POST /api/v1/rooms.cleanHistory', () => {
  it('removes the messages between oldest and latest of a room the caller may clean', async () => {
    const admin = await adminHeaders();
    const room = await createRoom(GROUPS, admin);
    const oldest = new Date(Date.now() - 1000).toISOString();
    await say(admin, room._id, 'one');
    await say(admin, room._id, 'two');
    const res = await post('rooms.cleanHistory', admin, {
      roomId: room._id,
      oldest,
      latest: new Date(Date.now() + 1000).toISOString(),
    }).expect(200);
    expect(res.body).toEqual({ _id: room._id, count: 2, success: true });
    expect((await get('groups.history', admin, { roomId: room._id })).body.messages).toEqual([]);
  });

  it('refuses a member without clean-channel-history, an outsider of a private room, missing dates', async () => {
    const { room, owner } = await roomWithMembers(GROUPS, 0);
    const range = { oldest: '2000-01-01T00:00:00.000Z', latest: new Date().toISOString() };
    const owned = await post('rooms.cleanHistory', owner.headers, { roomId: room._id, ...range }).expect(400);
    expect(owned.body.errorType).toBe('error-not-allowed');
    const outsider = await member();
    expect((await post('rooms.cleanHistory', outsider.headers, { roomId: room._id, ...range })).body).toEqual(
      ROOM_NOT_FOUND,
    );
    const admin = await adminHeaders();
    const noDates = await post('rooms.cleanHistory', admin, { roomId: 'GENERAL' }).expect(400);
    expect(noDates.body.success).toBe(false);
    expect((await post('rooms.cleanHistory', admin, range).expect(400)).body).toEqual(MISSING);
  });
});

describe('POST /api/v1/rooms.createDiscussion and GET rooms.getDiscussions', () => {
  it('creates a discussion in a room: prid, members, a drid message in the parent, the reply posted', async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    const invited = await member();
    const res = await post('rooms.createDiscussion', owner.headers, {
      prid: room._id,
      t_name: 'Budget talk',
      users: [invited.user.username],
      reply: 'first words',
    }).expect(200);
    const discussion = res.body.discussion;
    expect(discussion).toEqual(
      expect.objectContaining({
        _id: expect.any(String),
        rid: discussion._id,
        t: 'c',
        prid: room._id,
        fname: 'Budget talk',
      }),
    );
    const sub = await get('subscriptions.getOne', invited.headers, { roomId: discussion._id }).expect(200);
    expect(sub.body.subscription).toEqual(expect.objectContaining({ prid: room._id, fname: 'Budget talk' }));
    const ownerSub = await get('subscriptions.getOne', owner.headers, { roomId: discussion._id }).expect(200);
    expect(ownerSub.body.subscription.roles).toEqual(['owner']);
    await eventually(async () => {
      const parent = await get('channels.history', members[0].headers, { roomId: room._id }).expect(200);
      expect(parent.body.messages).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ t: 'discussion-created', drid: discussion._id, msg: 'Budget talk' }),
        ]),
      );
      const inside = await get('channels.history', invited.headers, { roomId: discussion._id }).expect(200);
      expect(inside.body.messages.map((m: { msg: string }) => m.msg)).toContain('first words');
    });
    const list = await get('rooms.getDiscussions', members[0].headers, { roomId: room._id }).expect(200);
    expect(list.body).toEqual(expect.objectContaining({ count: 1, total: 1, offset: 0, success: true }));
    expect(list.body.discussions[0]._id).toBe(discussion._id);
    const info = await get('rooms.info', invited.headers, { roomId: discussion._id }).expect(200);
    expect(info.body.parent).toEqual(expect.objectContaining({ _id: room._id, name: room.name, t: 'c' }));
  });

  it('starts a discussion on a message: its author joins; the same message gives the same discussion', async () => {
    const { room, owner, members } = await roomWithMembers(GROUPS, 1);
    const message = await say(members[0].headers, room._id, 'shall we?');
    const first = await post('rooms.createDiscussion', owner.headers, {
      prid: room._id,
      pmid: message._id,
      t_name: 'On it',
    }).expect(200);
    expect(first.body.discussion).toEqual(
      expect.objectContaining({ t: 'p', prid: room._id, description: 'shall we?' }),
    );
    const authorSub = await get('subscriptions.getOne', members[0].headers, { roomId: first.body.discussion._id });
    expect(authorSub.body.subscription).toEqual(expect.objectContaining({ prid: room._id }));
    const again = await post('rooms.createDiscussion', members[0].headers, {
      prid: room._id,
      pmid: message._id,
      t_name: 'Other name',
    }).expect(200);
    expect(again.body.discussion._id).toBe(first.body.discussion._id);
    await eventually(async () => {
      const parent = await get('groups.history', owner.headers, { roomId: room._id }).expect(200);
      const created = parent.body.messages.find((m: { t?: string }) => m.t === 'discussion-created');
      expect(created.attachments[0]).toEqual(expect.objectContaining({ text: 'shall we?' }));
    });
  });

  it('refuses missing fields, nested discussions, an unknown message and a room the caller cannot see', async () => {
    const { room, owner } = await roomWithMembers(GROUPS, 0);
    expect((await post('rooms.createDiscussion', owner.headers, { t_name: 'x' }).expect(400)).body).toEqual({
      success: false,
      error: 'Body parameter "prid" is required.',
    });
    expect((await post('rooms.createDiscussion', owner.headers, { prid: room._id }).expect(400)).body.error).toBe(
      'Body parameter "t_name" is required.',
    );
    const d = await post('rooms.createDiscussion', owner.headers, { prid: room._id, t_name: 'd' }).expect(200);
    const nested = await post('rooms.createDiscussion', owner.headers, {
      prid: d.body.discussion._id,
      t_name: 'nested',
    }).expect(400);
    expect(nested.body.errorType).toBe('error-nested-discussion');
    const badMessage = await post('rooms.createDiscussion', owner.headers, {
      prid: room._id,
      pmid: 'no-such-message',
      t_name: 'x',
    }).expect(400);
    expect(badMessage.body.errorType).toBe('error-invalid-message');
    const encrypted = await post('rooms.createDiscussion', owner.headers, {
      prid: room._id,
      t_name: 'x',
      encrypted: true,
      reply: 'no',
    }).expect(400);
    expect(encrypted.body.errorType).toBe('error-invalid-arguments');
    const outsider = await member();
    const hidden = await post('rooms.createDiscussion', outsider.headers, { prid: room._id, t_name: 'x' }).expect(400);
    const unknown = await post('rooms.createDiscussion', outsider.headers, { prid: 'nope', t_name: 'x' }).expect(400);
    expect(hidden.body).toEqual(unknown.body);
    expect(hidden.body.errorType).toBe('error-invalid-room');
    await withSettings({ Discussion_enabled: false }, async () => {
      const off = await post('rooms.createDiscussion', owner.headers, { prid: room._id, t_name: 'x' }).expect(400);
      expect(off.body.errorType).toBe('error-action-not-allowed');
    });
  });

  it('getDiscussions: paged with query and fields; outsiders of a private room learn nothing', async () => {
    const { room, owner } = await roomWithMembers(GROUPS, 0);
    await post('rooms.createDiscussion', owner.headers, { prid: room._id, t_name: 'b-topic' }).expect(200);
    await post('rooms.createDiscussion', owner.headers, { prid: room._id, t_name: 'a-topic' }).expect(200);
    const sorted = await get('rooms.getDiscussions', owner.headers, { roomName: room.name }).expect(200);
    expect(sorted.body.discussions.map((d: { fname: string }) => d.fname)).toEqual(['a-topic', 'b-topic']);
    const one = await get('rooms.getDiscussions', owner.headers, {
      roomId: room._id,
      query: JSON.stringify({ fname: 'b-topic' }),
      fields: '{"fname":1}',
    }).expect(200);
    expect(one.body.discussions).toEqual([{ _id: expect.any(String), fname: 'b-topic' }]);
    const outsider = await member();
    expect((await get('rooms.getDiscussions', outsider.headers, { roomId: room._id }).expect(400)).body).toEqual(
      ROOM_NOT_FOUND,
    );
    expect((await get('rooms.getDiscussions', outsider.headers).expect(400)).body).toEqual(MISSING);
  });
});

describe('deleting a room with discussions', () => {
  it('removes its discussions too, and syncing members are told', async () => {
    const { room, owner, members } = await roomWithMembers(GROUPS, 1);
    const d = await post('rooms.createDiscussion', owner.headers, {
      prid: room._id,
      t_name: 'goes too',
      users: [members[0].user.username],
    }).expect(200);
    const since = new Date().toISOString();
    await post('groups.delete', owner.headers, { roomId: room._id }).expect(200);
    expect((await get('rooms.info', members[0].headers, { roomId: d.body.discussion._id }).expect(400)).body).toEqual(
      ROOM_NOT_FOUND,
    );
    const sync = await get('rooms.get', members[0].headers, { updatedSince: since }).expect(200);
    expect(sync.body.remove.map((r: { _id: string }) => r._id).sort()).toEqual(
      [room._id, d.body.discussion._id].sort(),
    );
  });
});

describe('POST /api/v1/rooms.favorite', () => {
  it('sets and clears f on the caller subscription', async () => {
    const { room, members } = await roomWithMembers(CHANNELS, 1);
    await post('rooms.favorite', members[0].headers, { roomId: room._id, favorite: true }).expect(200);
    expect((await get('subscriptions.getOne', members[0].headers, { roomId: room._id })).body.subscription.f).toBe(
      true,
    );
    await post('rooms.favorite', members[0].headers, { roomName: room.name, favorite: false }).expect(200);
    expect((await get('subscriptions.getOne', members[0].headers, { roomId: room._id })).body.subscription.f).toBe(
      false,
    );
  });

  it('refuses without favorite, outside the room, and hides private rooms', async () => {
    const { room: channel } = await roomWithMembers(CHANNELS, 0);
    const { room: group } = await roomWithMembers(GROUPS, 0);
    const outsider = await member();
    expect((await post('rooms.favorite', outsider.headers, { roomId: channel._id }).expect(400)).body).toEqual({
      success: false,
      error: "The 'favorite' param is required",
    });
    const notIn = await post('rooms.favorite', outsider.headers, { roomId: channel._id, favorite: true }).expect(400);
    expect(notIn.body.errorType).toBe('error-invalid-subscription');
    expect((await post('rooms.favorite', outsider.headers, { roomId: group._id, favorite: true })).body).toEqual(
      ROOM_NOT_FOUND,
    );
    expect((await post('rooms.favorite', outsider.headers, { roomId: channel._id, favorite: 'yes' })).status).toBe(400);
  });
});

describe('GET /api/v1/rooms.get', () => {
  it("lists the caller's rooms; with updatedSince what changed and the caller's rooms removed since", async () => {
    const { room: kept, owner } = await roomWithMembers(GROUPS, 0);
    const doomed = await createRoom(GROUPS, owner.headers);
    const stranger = await member();
    const notMine = await createRoom(GROUPS, stranger.headers);
    const all = await get('rooms.get', owner.headers).expect(200);
    expect(all.body.remove).toEqual([]);
    expect(all.body.update.map((r: { _id: string }) => r._id)).toEqual(expect.arrayContaining([kept._id, doomed._id]));
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await post('groups.setTopic', owner.headers, { roomId: kept._id, topic: 'changed' }).expect(200);
    await post('groups.delete', owner.headers, { roomId: doomed._id }).expect(200);
    await post('groups.delete', stranger.headers, { roomId: notMine._id }).expect(200);
    const res = await get('rooms.get', owner.headers, { updatedSince: since }).expect(200);
    expect(res.body.update.map((r: { _id: string }) => r._id)).toEqual([kept._id]);
    expect(res.body.update[0].topic).toBe('changed');
    expect(res.body.remove).toEqual([{ _id: doomed._id, _deletedAt: expect.any(String) }]);
  });

  it('refuses an invalid updatedSince, unknown keys, and no login', async () => {
    const m = await member();
    const bad = await get('rooms.get', m.headers, { updatedSince: 'not a date' }).expect(400);
    expect(bad.body.errorType).toBe('error-updatedSince-param-invalid');
    expect((await get('rooms.get', m.headers, { since: '1' }).expect(400)).body.errorType).toBe('invalid-params');
    await get('rooms.get', {}).expect(401);
  });
});

describe('GET /api/v1/rooms.info', () => {
  it('answers any room the caller can access, by id or name, with fields', async () => {
    const { room, members } = await roomWithMembers(GROUPS, 1);
    const byId = await get('rooms.info', members[0].headers, { roomId: room._id }).expect(200);
    expect(byId.body.room).toEqual(expect.objectContaining({ _id: room._id, t: 'p', name: room.name }));
    const byName = await get('rooms.info', members[0].headers, { roomName: room.name, fields: '{"name":1}' });
    expect(byName.body.room).toEqual({ _id: room._id, name: room.name });
    const outsider = await member();
    const channel = await get('rooms.info', outsider.headers, { roomId: 'GENERAL' }).expect(200);
    expect(channel.body.room._id).toBe('GENERAL');
  });

  it('answers a private room of others like a missing room; refuses a guest on a channel; needs a room', async () => {
    const { room } = await roomWithMembers(GROUPS, 0);
    const outsider = await member();
    const hidden = await get('rooms.info', outsider.headers, { roomId: room._id }).expect(400);
    expect(hidden.body).toEqual(ROOM_NOT_FOUND);
    expect((await get('rooms.info', outsider.headers, { roomName: room.name }).expect(400)).body).toEqual(
      ROOM_NOT_FOUND,
    );
    expect((await get('rooms.info', outsider.headers, { roomId: 'nope' }).expect(400)).body).toEqual(ROOM_NOT_FOUND);
    // a guest holds no view-c-room: a channel it is not in exists for it, but it may not read it
    const guest = await member(['guest']);
    const { room: channel } = await roomWithMembers(CHANNELS, 0);
    expect((await get('rooms.info', guest.headers, { roomId: channel._id }).expect(400)).body).toEqual({
      success: false,
      error: 'not-allowed',
      errorType: 'Not Allowed',
    });
    expect((await get('rooms.info', outsider.headers).expect(400)).body).toEqual(MISSING);
  });
});

describe('POST /api/v1/rooms.leave', () => {
  it('leaves a room of any type but a DM', async () => {
    const { room, owner, members } = await roomWithMembers(GROUPS, 1);
    await post('rooms.leave', members[0].headers, { roomId: room._id }).expect(200);
    const info = await get('groups.info', owner.headers, { roomId: room._id }).expect(200);
    expect(info.body.group.usersCount).toBe(1);
    const { a, room: dm } = await directPair();
    expect((await post('rooms.leave', a.headers, { roomId: dm._id }).expect(400)).body.errorType).toBe(
      'error-not-allowed',
    );
  });

  it('the last owner stays; a private room of others is not found; a room is needed', async () => {
    const { room, owner } = await roomWithMembers(GROUPS, 1);
    expect((await post('rooms.leave', owner.headers, { roomId: room._id }).expect(400)).body.errorType).toBe(
      'error-you-are-last-owner',
    );
    const outsider = await member();
    expect((await post('rooms.leave', outsider.headers, { roomId: room._id }).expect(400)).body).toEqual(
      ROOM_NOT_FOUND,
    );
    expect((await post('rooms.leave', outsider.headers, {}).expect(400)).body).toEqual(MISSING);
  });
});

describe('POST /api/v1/rooms.saveNotification', () => {
  it('stores the preferences on the caller subscription; default falls back', async () => {
    const { room, members } = await roomWithMembers(CHANNELS, 1);
    const headers = members[0].headers;
    await post('rooms.saveNotification', headers, {
      roomId: room._id,
      notifications: {
        desktopNotifications: 'mentions',
        mobilePushNotifications: 'nothing',
        emailNotifications: 'all',
        disableNotifications: '1',
        hideUnreadStatus: '1',
        muteGroupMentions: true,
        unreadAlert: 'nothing',
        audioNotificationValue: 'beep',
      },
    }).expect(200);
    const sub = (await get('subscriptions.getOne', headers, { roomId: room._id })).body.subscription;
    expect(sub).toEqual(
      expect.objectContaining({
        desktopNotifications: 'mentions',
        desktopPrefOrigin: 'subscription',
        mobilePushNotifications: 'nothing',
        emailNotifications: 'all',
        disableNotifications: true,
        hideUnreadStatus: true,
        muteGroupMentions: true,
        unreadAlert: 'nothing',
        audioNotificationValue: 'beep',
      }),
    );
    await post('rooms.saveNotification', headers, {
      roomId: room._id,
      notifications: { desktopNotifications: 'default', hideUnreadStatus: '0', audioNotificationValue: 'default' },
    }).expect(200);
    const after = (await get('subscriptions.getOne', headers, { roomId: room._id })).body.subscription;
    expect(after.desktopNotifications).toBeUndefined();
    expect(after.desktopPrefOrigin).toBeUndefined();
    expect(after.audioNotificationValue).toBeUndefined();
    expect(after.hideUnreadStatus).toBe(false);
  });

  it('refuses unknown fields and values, rooms the caller is not in, and missing parameters', async () => {
    const { room, members } = await roomWithMembers(GROUPS, 1);
    const headers = members[0].headers;
    const field = await post('rooms.saveNotification', headers, { roomId: room._id, notifications: { nope: '1' } });
    expect(field.status).toBe(400);
    expect(field.body).toEqual(expect.objectContaining({ errorType: 'error-invalid-settings' }));
    expect(field.body.error).toContain('Invalid settings field');
    const value = await post('rooms.saveNotification', headers, {
      roomId: room._id,
      notifications: { desktopNotifications: 'loud' },
    }).expect(400);
    expect(value.body.error).toContain('Invalid settings value');
    const outsider = await member();
    const notIn = await post('rooms.saveNotification', outsider.headers, {
      roomId: room._id,
      notifications: { hideUnreadStatus: '1' },
    }).expect(400);
    expect(notIn.body.errorType).toBe('error-invalid-subscription');
    expect((await post('rooms.saveNotification', headers, { roomId: room._id, notifications: {} })).body).toEqual({
      success: false,
      error: "The 'notifications' param is required",
    });
    expect((await post('rooms.saveNotification', headers, { notifications: { a: '1' } })).body.error).toBe(
      "The 'roomId' param is required",
    );
  });
});

describe('groups and channels refusals stay as they were', () => {
  it('an unknown group is still not found through groups.info', async () => {
    const m = await member();
    expect((await get('groups.info', m.headers, { roomId: unique('x') }).expect(400)).body).toEqual(notFound(GROUPS));
  });
});
