/**
 * channels.*: the endpoints shared with groups.* (test/helpers/room-suite.ts), then what only public channels
 * have: the lists, join and join codes, addAll, online, default channels, integrations, cleanHistory, mentions,
 * anonymous read, and reading a channel one has not joined.
 */
import { adminHeaders, createChannel, createUserAndLogin, get, post, request, unique } from './helpers/api';
import { describeSharedRoomEndpoints } from './helpers/room-suite';
import { CHANNELS, createRoom, member, notFound, roomWithMembers, systemMessage } from './helpers/rooms';
import { withSettings } from './helpers/settings';

describeSharedRoomEndpoints(CHANNELS);

describe('GET /api/v1/channels.list', () => {
  it('lists public channels sorted by name with paging', async () => {
    const headers = await adminHeaders();
    await createChannel(headers, unique('e2e-list-a'));
    await createChannel(headers, unique('e2e-list-b'));
    const res = await request()
      .get('/api/v1/channels.list')
      .query({ count: 2, offset: 0 })
      .set({ ...headers })
      .expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({ count: 2, offset: 0, total: expect.any(Number), success: true }),
    );
    expect(res.body.channels).toHaveLength(2);
    const all = await request()
      .get('/api/v1/channels.list')
      .query({ count: 0 })
      .set({ ...headers })
      .expect(200);
    const names = all.body.channels.map((c: { name: string }) => c.name);
    expect(names).toEqual([...names].sort());
    expect(all.body.channels.every((c: { t: string }) => c.t === 'c')).toBe(true);
  });

  it('honours query, sort and an exclusion projection', async () => {
    const headers = await adminHeaders();
    const prefix = unique('e2e-q');
    await createChannel(headers, `${prefix}-1`);
    await createChannel(headers, `${prefix}-2`);
    const res = await request()
      .get('/api/v1/channels.list')
      .query({
        query: JSON.stringify({ name: { $regex: `^${prefix.replace(/\./g, '\\.')}` } }),
        sort: '{"name":-1}',
        fields: '{"msgs":0}',
      })
      .set({ ...headers })
      .expect(200);
    expect(res.body.total).toBe(2);
    expect(res.body.channels.map((c: { name: string }) => c.name)).toEqual([`${prefix}-2`, `${prefix}-1`]);
    expect(res.body.channels[0].msgs).toBeUndefined();
  });

  it('refuses $where in query', async () => {
    const res = await request()
      .get('/api/v1/channels.list')
      .query({ query: '{"$where":"true"}' })
      .set({ ...(await adminHeaders()) })
      .expect(400);
    expect(res.body.errorType).toBe('error-invalid-query');
  });
});

describe('GET /api/v1/channels.list.joined', () => {
  it("lists only the caller's channels, with query and fields", async () => {
    const { room, members } = await roomWithMembers(CHANNELS, 1);
    const other = await createRoom(CHANNELS, await adminHeaders());
    const res = await get('channels.list.joined', members[0].headers).expect(200);
    const ids = res.body.channels.map((c: { _id: string }) => c._id);
    expect(ids).toContain(room._id);
    expect(ids).not.toContain(other._id);
    const queried = await get('channels.list.joined', members[0].headers, {
      query: JSON.stringify({ name: room.name }),
      fields: '{"name":1}',
    }).expect(200);
    expect(queried.body.channels).toEqual([{ _id: room._id, name: room.name }]);
  });

  it('refuses a bad fields parameter and a caller without login', async () => {
    const { owner } = await roomWithMembers(CHANNELS, 0);
    expect((await get('channels.list.joined', owner.headers, { fields: 'name' }).expect(400)).body.errorType).toBe(
      'error-invalid-fields',
    );
    await get('channels.list.joined', {}).expect(401);
  });
});

describe('reading a channel one has not joined', () => {
  it('a user may read history, messages and files of a public channel without joining', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    await post('chat.postMessage', owner.headers, { roomId: room._id, text: 'public words' }).expect(200);
    const reader = await member();
    const history = await get('channels.history', reader.headers, { roomId: room._id }).expect(200);
    expect(history.body.messages.map((m: { msg: string }) => m.msg)).toContain('public words');
    await get('channels.messages', reader.headers, { roomId: room._id }).expect(200);
    await get('channels.files', reader.headers, { roomId: room._id }).expect(200);
    const counters = await get('channels.counters', reader.headers, { roomId: room._id }).expect(200);
    expect(counters.body).toEqual(expect.objectContaining({ joined: false, members: null, unreads: null, msgs: null }));
  });

  it('answers 403 to a non-member without preview permission (a bot)', async () => {
    const headers = await adminHeaders();
    const channel = await createChannel(headers);
    const { credentials } = await createUserAndLogin({ roles: ['bot'] });
    // bots hold view-c-room but not preview-c-room
    const res = await request()
      .get('/api/v1/channels.history')
      .query({ roomId: channel._id })
      .set({ ...credentials.headers })
      .expect(403);
    expect(res.body).toEqual({ success: false, error: 'unauthorized' });
  });

  it('a caller limited to joined rooms (view-joined-room) may not list messages of a channel it is not in', async () => {
    const { room } = await roomWithMembers(CHANNELS, 0);
    const bot = await member(['bot']);
    expect((await get('channels.messages', bot.headers, { roomId: room._id }).expect(403)).body).toEqual({
      success: false,
      error: 'unauthorized',
    });
  });
});

describe('POST /api/v1/channels.join and channels.setJoinCode', () => {
  it('joins a channel, announced with `uj`; a join code is then required', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const joiner = await member();
    const res = await post('channels.join', joiner.headers, { roomId: room._id }).expect(200);
    expect(res.body.channel).toEqual(expect.objectContaining({ _id: room._id, usersCount: 2 }));
    await systemMessage(CHANNELS, owner.headers, room._id, 'uj', joiner.user.username);
    const coded = await post('channels.setJoinCode', owner.headers, { roomId: room._id, joinCode: 'sesame' }).expect(
      200,
    );
    expect(coded.body.channel.joinCode).toBeUndefined();
    const late = await member();
    const wrong = await post('channels.join', late.headers, { roomId: room._id, joinCode: 'nope' }).expect(400);
    expect(wrong.body.errorType).toBe('error-code-invalid');
    expect((await post('channels.join', late.headers, { roomId: room._id }).expect(400)).body.errorType).toBe(
      'error-code-invalid',
    );
    await post('channels.join', late.headers, { roomName: room.name, joinCode: 'sesame' }).expect(200);
  });

  it('join refuses an archived channel and an unknown one', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    await post('channels.archive', owner.headers, { roomId: room._id }).expect(200);
    const joiner = await member();
    expect((await post('channels.join', joiner.headers, { roomId: room._id }).expect(400)).body.errorType).toBe(
      'error-room-archived',
    );
    expect((await post('channels.join', joiner.headers, { roomId: 'nope' }).expect(400)).body).toEqual(
      notFound(CHANNELS),
    );
  });

  it('setJoinCode refuses a missing code and a plain member', async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    expect((await post('channels.setJoinCode', owner.headers, { roomId: room._id }).expect(400)).body.error).toBe(
      'The bodyParam "joinCode" is required',
    );
    const byMember = await post('channels.setJoinCode', members[0].headers, {
      roomId: room._id,
      joinCode: 'x',
    }).expect(400);
    expect(byMember.body.errorType).toBe('error-action-not-allowed');
  });
});

describe('POST /api/v1/channels.addAll', () => {
  it('an administrator adds every active user', async () => {
    const admin = await adminHeaders();
    const room = await createRoom(CHANNELS, admin);
    const someone = await member();
    const res = await post('channels.addAll', admin, { roomId: room._id, activeUsersOnly: true }).expect(200);
    expect(res.body.channel.usersCount).toBeGreaterThan(1);
    await get('channels.counters', someone.headers, { roomId: room._id })
      .expect(200)
      .expect((r) => expect(r.body.joined).toBe(true));
  });

  it('refuses a caller without add-all-to-room and an unknown key', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const refused = await post('channels.addAll', owner.headers, { roomId: room._id }).expect(400);
    expect(refused.body.errorType).toBe('403');
    expect(
      (await post('channels.addAll', owner.headers, { roomId: room._id, all: true }).expect(400)).body.errorType,
    ).toBe('invalid-params');
  });
});

describe('GET /api/v1/channels.online', () => {
  it('answers the members that are online, by `_id` (7.x) or `query` (5.x/6.x)', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 1);
    await post('users.setStatus', owner.headers, { status: 'online' });
    const byId = await get('channels.online', owner.headers, { _id: room._id }).expect(200);
    expect(Array.isArray(byId.body.online)).toBe(true);
    const byQuery = await get('channels.online', owner.headers, { query: JSON.stringify({ _id: room._id }) }).expect(
      200,
    );
    expect(byQuery.body.online).toEqual(byId.body.online);
  });

  it('refuses no room, an unknown one and a forbidden query operator', async () => {
    const { owner } = await roomWithMembers(CHANNELS, 0);
    expect((await get('channels.online', owner.headers).expect(400)).body).toEqual({
      success: false,
      error: 'Invalid query',
    });
    expect((await get('channels.online', owner.headers, { _id: 'nope' }).expect(400)).body.error).toBe(
      'Channel does not exists',
    );
    expect((await get('channels.online', owner.headers, { query: '{"$where":"1"}' }).expect(400)).body.errorType).toBe(
      'error-invalid-query',
    );
  });
});

describe('POST /api/v1/channels.setDefault', () => {
  it('a default channel is joined by every new user', async () => {
    const admin = await adminHeaders();
    const room = await createRoom(CHANNELS, admin);
    const res = await post('channels.setDefault', admin, { roomId: room._id, default: true }).expect(200);
    expect(res.body.channel.default).toBe(true);
    try {
      const newcomer = await member();
      const joined = await get('channels.list.joined', newcomer.headers).expect(200);
      expect(joined.body.channels.map((c: { _id: string }) => c._id)).toContain(room._id);
    } finally {
      await post('channels.setDefault', admin, { roomId: room._id, default: 'false' }).expect(200);
    }
  });

  it('refuses the same value, a missing value and an owner without view-room-administration', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const admin = await adminHeaders();
    expect(
      (await post('channels.setDefault', admin, { roomId: room._id, default: false }).expect(400)).body.errorType,
    ).toBe('error-channels-setdefault-missing-default-param');
    expect((await post('channels.setDefault', admin, { roomId: room._id }).expect(400)).body.errorType).toBe(
      'error-channels-setdefault-is-same',
    );
    expect(
      (await post('channels.setDefault', owner.headers, { roomId: room._id, default: true }).expect(400)).body
        .errorType,
    ).toBe('error-action-not-allowed');
  });
});

describe('GET /api/v1/channels.getIntegrations', () => {
  it('an integrations manager gets the paged list (no integrations yet)', async () => {
    const admin = await adminHeaders();
    const room = await createRoom(CHANNELS, admin);
    const res = await get('channels.getIntegrations', admin, { roomId: room._id }).expect(200);
    expect(res.body).toEqual({ integrations: [], count: 0, offset: 0, total: 0, success: true });
  });

  it('refuses a caller without an integrations permission, and an unknown room', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    await get('channels.getIntegrations', owner.headers, { roomId: room._id }).expect(403);
    expect((await get('channels.getIntegrations', await adminHeaders(), { roomId: 'nope' }).expect(400)).body).toEqual(
      notFound(CHANNELS),
    );
  });
});

describe('POST /api/v1/channels.cleanHistory', () => {
  it('removes exactly the requested range, sparing pinned messages and other users when asked', async () => {
    const admin = await adminHeaders();
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    const sent: { _id: string; ts: string }[] = [];
    for (const [who, text] of [
      [owner, 'a'],
      [members[0], 'b'],
      [owner, 'c'],
      [owner, 'd'],
    ] as const) {
      const res = await post('chat.postMessage', who.headers, { roomId: room._id, text }).expect(200);
      sent.push(res.body.message);
    }
    await post('channels.invite', owner.headers, { roomId: room._id, userId: admin['X-User-Id'] }).expect(200);
    // only owner's messages between a and c (inclusive): a and c go, b (another user) and d (outside) stay
    const res = await post('channels.cleanHistory', admin, {
      roomId: room._id,
      oldest: sent[0].ts,
      latest: sent[2].ts,
      inclusive: true,
      users: [owner.user.username],
    }).expect(200);
    expect(res.body).toEqual({ _id: room._id, count: 2, success: true });
    const left = await get('channels.messages', owner.headers, { roomId: room._id, count: '50' }).expect(200);
    const texts = (left.body.messages as { msg: string; t?: string }[]).filter((m) => !m.t).map((m) => m.msg);
    expect(texts.sort()).toEqual(['b', 'd']);
    const limited = await post('channels.cleanHistory', admin, {
      roomId: room._id,
      oldest: sent[0].ts,
      latest: new Date().toISOString(),
      limit: 1,
    }).expect(200);
    expect(limited.body.count).toBe(1);
  });

  it('refuses missing dates and a caller without clean-channel-history', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const now = new Date().toISOString();
    expect(
      (await post('channels.cleanHistory', await adminHeaders(), { roomId: room._id }).expect(400)).body.error,
    ).toBe('Body parameters "latest" and "oldest" are required.');
    const refused = await post('channels.cleanHistory', owner.headers, {
      roomId: room._id,
      latest: now,
      oldest: now,
    }).expect(400);
    expect(refused.body.errorType).toBe('error-not-allowed');
  });
});

describe('GET /api/v1/channels.getAllUserMentionsByChannel', () => {
  it("lists the channel's messages that mention the caller", async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    await post('chat.postMessage', owner.headers, { roomId: room._id, text: `hi @${members[0].user.username}` }).expect(
      200,
    );
    await post('chat.postMessage', owner.headers, { roomId: room._id, text: 'no mention' }).expect(200);
    const res = await get('channels.getAllUserMentionsByChannel', members[0].headers, { roomId: room._id }).expect(200);
    expect(res.body).toEqual(expect.objectContaining({ count: 1, offset: 0, total: 1, success: true }));
    expect(res.body.mentions[0].msg).toBe(`hi @${members[0].user.username}`);
  });

  it('refuses an unknown room and a bad count', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    expect(
      (await get('channels.getAllUserMentionsByChannel', owner.headers, { roomId: 'nope' }).expect(400)).body.errorType,
    ).toBe('error-invalid-room');
    expect(
      (await get('channels.getAllUserMentionsByChannel', owner.headers, { roomId: room._id, count: 'x' }).expect(400))
        .body.errorType,
    ).toBe('invalid-params');
  });
});

describe('GET /api/v1/channels.anonymousread', () => {
  it('reads a channel without login when Accounts_AllowAnonymousRead is on', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    await post('chat.postMessage', owner.headers, { roomId: room._id, text: 'for everyone' }).expect(200);
    await withSettings({ Accounts_AllowAnonymousRead: true }, async () => {
      const res = await get('channels.anonymousread', {}, { roomId: room._id }).expect(200);
      expect(res.body.messages.map((m: { msg: string }) => m.msg)).toContain('for everyone');
      expect(res.body).toEqual(expect.objectContaining({ offset: 0, total: expect.any(Number) }));
    });
  });

  it('refuses when the setting is off, and an unknown room', async () => {
    const { room } = await roomWithMembers(CHANNELS, 0);
    const off = await get('channels.anonymousread', {}, { roomId: room._id }).expect(400);
    expect(off.body.errorType).toBe('error-not-allowed');
    expect((await get('channels.anonymousread', {}, { roomId: 'nope' }).expect(400)).body).toEqual(notFound(CHANNELS));
  });
});

describe('POST /api/v1/channels.removeleader (the seed spelling of channels.removeLeader)', () => {
  it('removes a leader like removeLeader does, with the same refusals', async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    await post('channels.addLeader', owner.headers, { roomId: room._id, userId: members[0].user._id }).expect(200);
    await post('channels.removeleader', owner.headers, { roomId: room._id, userId: members[0].user._id }).expect(200);
    expect(
      (
        await post('channels.removeleader', owner.headers, { roomId: room._id, userId: members[0].user._id }).expect(
          400,
        )
      ).body.errorType,
    ).toBe('error-user-not-leader');
    expect(
      (
        await post('channels.removeleader', members[0].headers, { roomId: room._id, userId: owner.user._id }).expect(
          400,
        )
      ).body.errorType,
    ).toBe('error-not-allowed');
  });
});
