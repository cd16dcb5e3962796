/**
 * im.* and the dm.* aliases: one room per pair of users (id = both user ids sorted and joined), group DMs,
 * `create-d` / `view-d-room` and `Message_AllowDirectMessagesToYourself`, and every endpoint's success path and
 * refusals. A DM's outsiders are refused exactly as for a DM that does not exist.
 */
import { MongoClient } from 'mongodb';
import { adminHeaders, get, NOT_LOGGED_IN, post, unique } from './helpers/api';
import { createDirect, directId, directPair, say } from './helpers/direct';
import { eventually, member } from './helpers/rooms';
import { withSettings } from './helpers/settings';
import { readState } from './helpers/state';

const FORBIDDEN = { success: false, error: 'unauthorized' };

describe('POST /api/v1/im.create (and dm.create)', () => {
  it('creates one room per pair: id = both user ids sorted, created again it is the same room', async () => {
    const [a, b] = await Promise.all([member(), member()]);
    const res = await post('im.create', a.headers, { username: b.user.username }).expect(200);
    const rid = directId(a.user._id, b.user._id);
    expect(res.body).toEqual({
      room: expect.objectContaining({
        _id: rid,
        rid,
        t: 'd',
        usersCount: 2,
        msgs: 0,
        uids: [a.user._id, b.user._id].sort(),
        usernames: expect.arrayContaining([a.user.username, b.user.username]),
      }),
      success: true,
    });
    const again = await post('dm.create', b.headers, { username: a.user.username }).expect(200);
    expect(again.body.room._id).toBe(rid);
    // each side's subscription names the other party
    const sub = await get('subscriptions.getOne', b.headers, { roomId: rid }).expect(200);
    expect(sub.body.subscription).toEqual(
      expect.objectContaining({ rid, t: 'd', name: a.user.username, u: expect.objectContaining({ _id: b.user._id }) }),
    );
  });

  it('creates a group DM with `usernames` under an id of its own; excludeSelf leaves the caller out', async () => {
    const [a, b, c] = await Promise.all([member(), member(), member()]);
    const group = await post('im.create', a.headers, { usernames: `${b.user.username}, ${c.user.username}` }).expect(
      200,
    );
    expect(group.body.room).toEqual(expect.objectContaining({ t: 'd', usersCount: 3 }));
    expect(group.body.room._id).not.toBe(directId(a.user._id, b.user._id));
    expect(group.body.room.uids).toEqual([a.user._id, b.user._id, c.user._id].sort());
    const same = await post('im.create', c.headers, { usernames: `${a.user.username},${b.user.username}` }).expect(200);
    expect(same.body.room._id).toBe(group.body.room._id);
    const admin = await adminHeaders();
    const without = await post('im.create', admin, {
      usernames: `${b.user.username},${c.user.username}`,
      excludeSelf: true,
    }).expect(200);
    expect(without.body.room.uids).toEqual([b.user._id, c.user._id].sort());
    expect((await get('im.list', b.headers).expect(200)).body.ims.map((r: { _id: string }) => r._id)).toContain(
      without.body.room._id,
    );
  });

  it('refuses unknown users, both or neither of username/usernames, and a self-DM when it is disabled', async () => {
    const a = await member();
    const unknown = await post('im.create', a.headers, { username: unique('nobody') }).expect(400);
    expect(unknown.body.errorType).toBe('error-invalid-user');
    expect((await post('im.create', a.headers, {}).expect(400)).body.errorType).toBe('invalid-params');
    expect((await post('im.create', a.headers, { username: 'x', usernames: 'y' }).expect(400)).body.errorType).toBe(
      'invalid-params',
    );
    const self = await post('im.create', a.headers, { username: a.user.username }).expect(200);
    expect(self.body.room).toEqual(expect.objectContaining({ t: 'd', usersCount: 1, uids: [a.user._id] }));
    await withSettings({ Message_AllowDirectMessagesToYourself: false }, async () => {
      const refused = await post('im.create', a.headers, { username: a.user.username }).expect(400);
      expect(refused.body.errorType).toBe('error-invalid-user');
    });
  });

  it('without create-d only an existing DM is returned; too many users are refused; 401 without login', async () => {
    const guest = await member(['guest']);
    const [b, c] = await Promise.all([member(), member()]);
    const refused = await post('im.create', guest.headers, { username: b.user.username }).expect(400);
    expect(refused.body).toEqual(
      expect.objectContaining({ errorType: 'error-not-allowed', details: { method: 'createDirectMessage' } }),
    );
    // once b opened the DM, the guest (view-d-room) gets it
    const dm = await createDirect(c, guest);
    expect((await post('im.create', guest.headers, { username: c.user.username }).expect(200)).body.room._id).toBe(
      dm._id,
    );
    await withSettings({ DirectMesssage_maxUsers: 2 }, async () => {
      const many = await post('im.create', b.headers, { usernames: `${c.user.username},${guest.user.username}` });
      expect(many.status).toBe(400);
      expect(many.body.errorType).toBe('error-direct-message-max-user-exceeded');
    });
    expect((await post('im.create', {}, { username: b.user.username }).expect(401)).body).toEqual(NOT_LOGGED_IN);
  });
});

describe('chat.postMessage to @username', () => {
  it('opens the DM (same id as im.create) and shows it to the other side', async () => {
    const [a, b] = await Promise.all([member(), member()]);
    const res = await post('chat.postMessage', a.headers, { channel: `@${b.user.username}`, text: 'psst' }).expect(200);
    expect(res.body.message.rid).toBe(directId(a.user._id, b.user._id));
    const list = await get('im.list', b.headers).expect(200);
    expect(list.body.ims.map((r: { _id: string }) => r._id)).toContain(res.body.message.rid);
    const created = await post('im.create', b.headers, { username: a.user.username }).expect(200);
    expect(created.body.room._id).toBe(res.body.message.rid);
  });

  it('honours create-d and answers an unknown user with invalid-channel', async () => {
    const guest = await member(['guest']);
    const b = await member();
    const refused = await post('chat.postMessage', guest.headers, { channel: `@${b.user.username}`, text: 'x' });
    expect(refused.status).toBe(400);
    expect(refused.body.errorType).toBe('error-not-allowed');
    const unknown = await post('chat.postMessage', b.headers, { channel: `@${unique('ghost')}`, text: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errorType).toBe('invalid-channel');
  });
});

describe('POST /api/v1/im.open and im.close', () => {
  it('closes the DM in the caller sidebar and opens it again', async () => {
    const { a, room } = await directPair();
    await post('im.close', a.headers, { roomId: room._id }).expect(200);
    expect((await get('subscriptions.getOne', a.headers, { roomId: room._id })).body.subscription.open).toBe(false);
    const again = await post('dm.close', a.headers, { roomId: room._id }).expect(400);
    expect(again.body).toEqual({ success: false, error: 'The direct message room, is already closed to the sender' });
    await post('dm.open', a.headers, { roomId: room._id }).expect(200);
    expect((await get('subscriptions.getOne', a.headers, { roomId: room._id })).body.subscription.open).toBe(true);
    await post('im.open', a.headers, { roomId: room._id }).expect(200);
  });

  it('refuses an outsider and an unknown room alike (403), and a missing roomId', async () => {
    const { room } = await directPair();
    const outsider = await member();
    for (const path of ['im.open', 'im.close']) {
      expect((await post(path, outsider.headers, { roomId: room._id }).expect(403)).body).toEqual(FORBIDDEN);
      expect((await post(path, outsider.headers, { roomId: 'no-such-room' }).expect(403)).body).toEqual(FORBIDDEN);
      expect((await post(path, outsider.headers, {}).expect(400)).body.errorType).toBe('invalid-params');
    }
  });
});

describe('POST /api/v1/im.setTopic', () => {
  it('an administrator in the DM sets the topic, announced with room_changed_topic', async () => {
    const a = await member();
    const admin = await adminHeaders();
    const created = await post('im.create', admin, { username: a.user.username }).expect(200);
    const rid = created.body.room._id as string;
    const res = await post('dm.setTopic', admin, { roomId: rid, topic: 'plans' }).expect(200);
    expect(res.body).toEqual({ topic: 'plans', success: true });
    await eventually(async () => {
      const history = await get('im.history', a.headers, { roomId: rid }).expect(200);
      expect(history.body.messages).toEqual(
        expect.arrayContaining([expect.objectContaining({ t: 'room_changed_topic', msg: 'plans' })]),
      );
    });
  });

  it('a plain member holds no edit-room (400); an outsider is refused (403); roomId is required', async () => {
    const { a, room } = await directPair();
    const member400 = await post('im.setTopic', a.headers, { roomId: room._id, topic: 'x' }).expect(400);
    expect(member400.body.errorType).toBe('error-action-not-allowed');
    const outsider = await member();
    await post('im.setTopic', outsider.headers, { roomId: room._id, topic: 'x' }).expect(403);
    expect((await post('im.setTopic', a.headers, { topic: 'x' }).expect(400)).body.errorType).toBe('invalid-params');
  });
});

describe('GET /api/v1/im.history, im.messages, im.files', () => {
  it('members read the messages, by roomId or by the other party username', async () => {
    const { a, b, room } = await directPair();
    await say(a.headers, room._id, 'one');
    await say(b.headers, room._id, 'two');
    const history = await get('im.history', b.headers, { roomId: room._id }).expect(200);
    expect(history.body.messages.map((m: { msg: string }) => m.msg)).toEqual(['two', 'one']);
    const byName = await get('dm.messages', a.headers, { username: b.user.username }).expect(200);
    expect(byName.body).toEqual(expect.objectContaining({ count: 2, offset: 0, total: 2, success: true }));
    const byId = await get('im.messages', a.headers, { roomId: room._id, sort: '{"ts":1}' }).expect(200);
    expect(byId.body.messages.map((m: { msg: string }) => m.msg)).toEqual(['one', 'two']);
    const none = await get('im.files', b.headers, { roomId: room._id }).expect(200);
    expect(none.body).toEqual({ files: [], count: 0, offset: 0, total: 0, success: true });
  });

  it("im.files lists the DM's uploads, filtered by name and typeGroup", async () => {
    const { a, b, room } = await directPair();
    // files are posted through rooms.upload (the chat endpoints); their records are what im.files reads
    const mongo = await MongoClient.connect(readState().mongoUrl);
    try {
      await mongo
        .db()
        .collection<{ _id: string; [key: string]: unknown }>('rocketchat_uploads')
        .insertMany([
          {
            _id: unique('up'),
            rid: room._id,
            userId: a.user._id,
            name: 'report.pdf',
            type: 'application/pdf',
            typeGroup: 'application',
            size: 3,
            complete: true,
            uploadedAt: new Date(),
          },
          {
            _id: unique('up'),
            rid: room._id,
            userId: b.user._id,
            name: 'photo.png',
            type: 'image/png',
            typeGroup: 'image',
            size: 5,
            complete: true,
            uploadedAt: new Date(),
          },
        ]);
    } finally {
      await mongo.close();
    }
    const all = await get('dm.files', a.headers, { roomId: room._id }).expect(200);
    expect(all.body.files.map((f: { name: string }) => f.name)).toEqual(['photo.png', 'report.pdf']);
    const byName = await get('im.files', b.headers, { username: a.user.username, name: 'REP' }).expect(200);
    expect(byName.body.files.map((f: { name: string }) => f.name)).toEqual(['report.pdf']);
    const images = await get('im.files', b.headers, { roomId: room._id, typeGroup: 'image' }).expect(200);
    expect(images.body).toEqual(expect.objectContaining({ count: 1, total: 1 }));
  });

  it('an outsider is refused like for a room that does not exist; bad input is refused', async () => {
    const { a, room } = await directPair();
    await say(a.headers, room._id, 'secret');
    const outsider = await member();
    for (const path of ['im.history', 'im.messages', 'im.files', 'dm.history']) {
      expect((await get(path, outsider.headers, { roomId: room._id }).expect(403)).body).toEqual(FORBIDDEN);
      expect((await get(path, outsider.headers, { roomId: 'no-such-dm' }).expect(403)).body).toEqual(FORBIDDEN);
    }
    expect((await get('im.history', a.headers).expect(400)).body.errorType).toBe('invalid-params');
    const neither = await get('im.messages', a.headers).expect(400);
    expect(neither.body.errorType).toBe('error-room-param-not-provided');
    expect(
      (await get('im.files', a.headers, { roomId: room._id, sort: '{"name":3}' }).expect(400)).body.errorType,
    ).toBe('error-invalid-sort');
  });
});

describe('GET /api/v1/im.members', () => {
  it('lists both members with their subscription, filtered by status and name', async () => {
    const { a, b, room } = await directPair();
    const res = await get('im.members', a.headers, { roomId: room._id }).expect(200);
    expect(res.body.total).toBe(2);
    expect(res.body.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          _id: b.user._id,
          username: b.user.username,
          subscription: expect.objectContaining({ rid: room._id }),
        }),
      ]),
    );
    const filtered = await get('dm.members', a.headers, { username: b.user.username, filter: b.user.username });
    expect(filtered.body.members.map((m: { _id: string }) => m._id)).toEqual([b.user._id]);
    const online = await get('im.members', a.headers, { roomId: room._id, status: 'online' }).expect(200);
    expect(online.body.total).toBe(0);
  });

  it('refuses an outsider (403) and a request naming no DM', async () => {
    const { room } = await directPair();
    const outsider = await member();
    expect((await get('im.members', outsider.headers, { roomId: room._id }).expect(403)).body).toEqual(FORBIDDEN);
    expect((await get('im.members', outsider.headers).expect(400)).body.errorType).toBe(
      'error-room-param-not-provided',
    );
    expect((await get('im.members', outsider.headers, { roomId: 'x', bogus: '1' }).expect(400)).body.errorType).toBe(
      'invalid-params',
    );
  });
});

describe('GET /api/v1/im.counters', () => {
  it("reads the member's subscription: unread messages, mentions, the member count", async () => {
    const { a, b, room } = await directPair();
    await say(a.headers, room._id, 'hello');
    await say(a.headers, room._id, `hey @${b.user.username}`);
    const counters = await eventually(async () => {
      const res = await get('im.counters', b.headers, { roomId: room._id }).expect(200);
      expect(res.body.unreads).toBe(2);
      return res.body;
    });
    expect(counters).toEqual(
      expect.objectContaining({ joined: true, members: 2, msgs: 2, latest: expect.any(String), success: true }),
    );
    const admin = await adminHeaders();
    const forB = await get('dm.counters', admin, { roomId: room._id, userId: b.user._id }).expect(200);
    expect(forB.body.unreads).toBe(2);
  });

  it("refuses another user's counters without view-room-administration, an outsider, a missing roomId", async () => {
    const { a, b, room } = await directPair();
    await get('im.counters', a.headers, { roomId: room._id, userId: b.user._id }).expect(403);
    const outsider = await member();
    await get('im.counters', outsider.headers, { roomId: room._id }).expect(403);
    expect((await get('im.counters', a.headers).expect(400)).body.errorType).toBe('invalid-params');
  });
});

describe('GET /api/v1/im.messages.others', () => {
  it('is disabled by default, for everyone', async () => {
    const { room } = await directPair();
    const res = await get('im.messages.others', await adminHeaders(), { roomId: room._id }).expect(400);
    expect(res.body).toEqual(
      expect.objectContaining({
        errorType: 'error-endpoint-disabled',
        details: { route: '/api/v1/im.messages.others' },
      }),
    );
  });

  it('lets room administrators read any DM while API_Enable_Direct_Message_History_EndPoint is on', async () => {
    const { a, room } = await directPair();
    await say(a.headers, room._id, 'audited');
    await withSettings({ API_Enable_Direct_Message_History_EndPoint: true }, async () => {
      const res = await get('dm.messages.others', await adminHeaders(), { roomId: room._id }).expect(200);
      expect(res.body.messages.map((m: { msg: string }) => m.msg)).toEqual(['audited']);
      await get('im.messages.others', a.headers, { roomId: room._id }).expect(403);
      const unknown = await get('im.messages.others', await adminHeaders(), { roomId: 'nope' }).expect(400);
      expect(unknown.body.errorType).toBe('error-room-not-found');
      const channel = await get('im.messages.others', await adminHeaders(), { roomId: 'GENERAL' }).expect(400);
      expect(channel.body.errorType).toBe('error-room-not-found');
    });
  });
});

describe('GET /api/v1/im.list and im.list.everyone', () => {
  it("lists the caller's DMs only, paged", async () => {
    const { a, room } = await directPair();
    const other = await directPair();
    const res = await get('im.list', a.headers).expect(200);
    const ids = res.body.ims.map((r: { _id: string }) => r._id);
    expect(ids).toContain(room._id);
    expect(ids).not.toContain(other.room._id);
    expect(res.body).toEqual(expect.objectContaining({ offset: 0, total: ids.length, count: ids.length }));
    expect((await get('dm.list', a.headers, { count: '1' }).expect(200)).body.ims).toHaveLength(1);
  });

  it('refuses a bad sort and a caller without login', async () => {
    const a = await member();
    expect((await get('im.list', a.headers, { sort: 'nope' }).expect(400)).body.errorType).toBe('error-invalid-sort');
    await get('im.list', {}).expect(401);
  });

  it('im.list.everyone: every DM for room administrators (view-room-administration), whatever the DM history setting', async () => {
    const { a, room } = await directPair();
    const query = { query: JSON.stringify({ _id: room._id }) };
    // only im.messages.others depends on API_Enable_Direct_Message_History_EndPoint (off by default)
    const res = await get('dm.list.everyone', await adminHeaders(), query).expect(200);
    expect(res.body.ims.map((r: { _id: string }) => r._id)).toEqual([room._id]);
    expect((await get('im.list.everyone', a.headers).expect(403)).body).toEqual(FORBIDDEN);
    await withSettings({ API_Enable_Direct_Message_History_EndPoint: true }, async () => {
      expect((await get('im.list.everyone', await adminHeaders(), query).expect(200)).body.total).toBe(1);
      expect((await get('im.list.everyone', a.headers).expect(403)).body).toEqual(FORBIDDEN);
    });
  });
});
