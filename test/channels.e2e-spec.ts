/** channels.create, channels.info, channels.list, channels.history. */
import { adminHeaders, createChannel, createUserAndLogin, request, unique } from './helpers/api';

describe('POST /api/v1/channels.create', () => {
  it('creates a public channel whose creator is owner; members are subscribed', async () => {
    const { credentials } = await createUserAndLogin();
    const member = await createUserAndLogin();
    const name = unique('e2e-create');
    const res = await request()
      .post('/api/v1/channels.create')
      .set({ ...credentials.headers })
      .send({ name, members: [member.user.username], readOnly: false })
      .expect(200);
    expect(res.body.channel).toEqual(
      expect.objectContaining({
        _id: expect.any(String),
        t: 'c',
        name,
        fname: name,
        msgs: 0,
        usersCount: 2,
        ro: false,
        u: { _id: credentials.userId, username: expect.any(String) },
      }),
    );
    for (const hidden of ['joinCode', 'members', 'importIds', 'e2e']) {
      expect(res.body.channel[hidden]).toBeUndefined();
    }
    const info = await request()
      .get('/api/v1/users.info')
      .query({ userId: credentials.userId, includeUserRooms: 'true' })
      .set({ ...credentials.headers })
      .expect(200);
    expect(info.body.user.rooms).toEqual(
      expect.arrayContaining([expect.objectContaining({ rid: res.body.channel._id, roles: ['owner'] })]),
    );
  });

  it('refuses a duplicate name', async () => {
    const headers = await adminHeaders();
    const channel = await createChannel(headers);
    const res = await request()
      .post('/api/v1/channels.create')
      .set({ ...headers })
      .send({ name: channel.name })
      .expect(400);
    expect(res.body).toEqual({
      success: false,
      error: `A channel with name '${channel.name}' exists [error-duplicate-channel-name]`,
      errorType: 'error-duplicate-channel-name',
      details: { channelName: channel.name },
    });
  });

  it('refuses a missing or invalid name', async () => {
    const headers = await adminHeaders();
    const missing = await request()
      .post('/api/v1/channels.create')
      .set({ ...headers })
      .send({})
      .expect(400);
    expect(missing.body).toEqual({ success: false, error: 'Body param "name" is required' });
    const invalid = await request()
      .post('/api/v1/channels.create')
      .set({ ...headers })
      .send({ name: 'bad name#' })
      .expect(400);
    expect(invalid.body.errorType).toBe('error-invalid-room-name');
    const wrongType = await request()
      .post('/api/v1/channels.create')
      .set({ ...headers })
      .send({ name: 'x', members: 'nope' })
      .expect(400);
    expect(wrongType.body.errorType).toBe('invalid-params');
  });

  it('answers 403 to a caller without create-c', async () => {
    // guests do not hold create-c by default
    const { credentials } = await createUserAndLogin({ roles: ['guest'] });
    const res = await request()
      .post('/api/v1/channels.create')
      .set({ ...credentials.headers })
      .send({ name: unique('e2e-guest') })
      .expect(403);
    expect(res.body).toEqual({ success: false, error: 'unauthorized' });
  });

  it('answers 401 without login', async () => {
    await request()
      .post('/api/v1/channels.create')
      .send({ name: unique('x') })
      .expect(401);
  });
});

describe('GET /api/v1/channels.info', () => {
  it('finds a channel by id or name', async () => {
    const headers = await adminHeaders();
    const channel = await createChannel(headers);
    const byId = await request()
      .get('/api/v1/channels.info')
      .query({ roomId: channel._id })
      .set({ ...headers })
      .expect(200);
    expect(byId.body.channel).toEqual(expect.objectContaining({ _id: channel._id, name: channel.name, t: 'c' }));
    const byName = await request()
      .get('/api/v1/channels.info')
      .query({ roomName: channel.name })
      .set({ ...headers })
      .expect(200);
    expect(byName.body.channel._id).toBe(channel._id);
  });

  it('requires roomId or roomName', async () => {
    const res = await request()
      .get('/api/v1/channels.info')
      .set({ ...(await adminHeaders()) })
      .expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'The parameter "roomId" or "roomName" is required [error-roomid-param-not-provided]',
      errorType: 'error-roomid-param-not-provided',
    });
  });

  it('answers error-room-not-found for an unknown room', async () => {
    const res = await request()
      .get('/api/v1/channels.info')
      .query({ roomId: 'nope' })
      .set({ ...(await adminHeaders()) })
      .expect(400);
    expect(res.body.errorType).toBe('error-room-not-found');
    expect(res.body.error).toBe(
      'The required "roomId" or "roomName" param provided does not match any channel [error-room-not-found]',
    );
  });
});

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

describe('GET /api/v1/channels.history', () => {
  it('returns messages newest first with paging and a time window', async () => {
    const headers = await adminHeaders();
    const channel = await createChannel(headers);
    for (const text of ['one', 'two', 'three']) {
      await request()
        .post('/api/v1/chat.postMessage')
        .set({ ...headers })
        .send({ roomId: channel._id, text })
        .expect(200);
    }
    const res = await request()
      .get('/api/v1/channels.history')
      .query({ roomId: channel._id })
      .set({ ...headers })
      .expect(200);
    expect(res.body.messages.map((m: { msg: string }) => m.msg)).toEqual(['three', 'two', 'one']);
    expect(res.body).toEqual(expect.objectContaining({ count: 3, offset: 0, total: 3 }));
    const page = await request()
      .get('/api/v1/channels.history')
      .query({ roomName: channel.name, count: 1, offset: 1 })
      .set({ ...headers })
      .expect(200);
    expect(page.body.messages.map((m: { msg: string }) => m.msg)).toEqual(['two']);
    const latest = res.body.messages[1].ts as string;
    const windowed = await request()
      .get('/api/v1/channels.history')
      .query({ roomId: channel._id, latest })
      .set({ ...headers })
      .expect(200);
    expect(windowed.body.messages.map((m: { msg: string }) => m.msg)).toEqual(['one']);
    const inclusive = await request()
      .get('/api/v1/channels.history')
      .query({ roomId: channel._id, latest, inclusive: 'true' })
      .set({ ...headers })
      .expect(200);
    expect(inclusive.body.messages.map((m: { msg: string }) => m.msg)).toEqual(['two', 'one']);
  });

  it('requires a room and answers unknown rooms with error-room-not-found', async () => {
    const headers = await adminHeaders();
    const missing = await request()
      .get('/api/v1/channels.history')
      .set({ ...headers })
      .expect(400);
    expect(missing.body.errorType).toBe('error-roomid-param-not-provided');
    const unknown = await request()
      .get('/api/v1/channels.history')
      .query({ roomId: 'no-such-room' })
      .set({ ...headers })
      .expect(400);
    expect(unknown.body.errorType).toBe('error-room-not-found');
  });

  it('refuses a non-numeric count and an invalid date', async () => {
    const headers = await adminHeaders();
    const channel = await createChannel(headers);
    const count = await request()
      .get('/api/v1/channels.history')
      .query({ roomId: channel._id, count: 'x' })
      .set({ ...headers })
      .expect(400);
    expect(count.body.errorType).toBe('invalid-params');
    const date = await request()
      .get('/api/v1/channels.history')
      .query({ roomId: channel._id, latest: 'yesterday' })
      .set({ ...headers })
      .expect(400);
    expect(date.body.success).toBe(false);
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
});
