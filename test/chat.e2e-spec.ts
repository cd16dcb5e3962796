/** chat.postMessage, and what it changes on the room. */
import { adminHeaders, createChannel, createUserAndLogin, get, post, request } from './helpers/api';

describe('POST /api/v1/chat.postMessage', () => {
  it('posts by roomId and answers ts, channel and the stored message', async () => {
    const { credentials, user } = await createUserAndLogin();
    const channel = await createChannel(credentials.headers);
    const before = Date.now();
    const res = await request()
      .post('/api/v1/chat.postMessage')
      .set({ ...credentials.headers })
      .send({ roomId: channel._id, text: 'hello world' })
      .expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        success: true,
        ts: expect.any(Number),
        channel: channel._id,
        message: expect.objectContaining({
          _id: expect.any(String),
          rid: channel._id,
          msg: 'hello world',
          u: expect.objectContaining({ _id: user._id, username: user.username }),
        }),
      }),
    );
    expect(res.body.ts).toBeGreaterThanOrEqual(before);
    const info = await request()
      .get('/api/v1/channels.info')
      .query({ roomId: channel._id })
      .set({ ...credentials.headers })
      .expect(200);
    // the room counter is updated by users-rooms from an event: give it a moment
    let room = info.body.channel;
    for (let i = 0; i < 20 && room.msgs !== 1; i++) {
      await new Promise((r) => setTimeout(r, 100));
      room = (
        await request()
          .get('/api/v1/channels.info')
          .query({ roomId: channel._id })
          .set({ ...credentials.headers })
      ).body.channel;
    }
    expect(room).toEqual(
      expect.objectContaining({ msgs: 1, lastMessage: expect.objectContaining({ msg: 'hello world' }) }),
    );
  });

  it('posts by #name (joining the public channel) and by @username (direct message)', async () => {
    const owner = await createUserAndLogin();
    const channel = await createChannel(owner.credentials.headers);
    const poster = await createUserAndLogin();
    const byName = await request()
      .post('/api/v1/chat.postMessage')
      .set({ ...poster.credentials.headers })
      .send({ channel: `#${channel.name}`, text: 'joined by posting' })
      .expect(200);
    expect(byName.body.channel).toBe(`#${channel.name}`);
    expect(byName.body.message.rid).toBe(channel._id);
    const dm = await request()
      .post('/api/v1/chat.postMessage')
      .set({ ...poster.credentials.headers })
      .send({ channel: `@${owner.user.username}`, text: 'hi there' })
      .expect(200);
    expect(dm.body.message.rid).toBe([owner.user._id, poster.user._id].sort().join(''));
  });

  it('resolves @mentions', async () => {
    const headers = await adminHeaders();
    const channel = await createChannel(headers);
    const other = await createUserAndLogin();
    const res = await request()
      .post('/api/v1/chat.postMessage')
      .set({ ...headers })
      .send({ roomId: channel._id, text: `ping @${other.user.username} and @all` })
      .expect(200);
    expect(res.body.message.mentions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ _id: other.user._id, username: other.user.username }),
        expect.objectContaining({ _id: 'all' }),
      ]),
    );
  });

  it('requires roomId or channel', async () => {
    const res = await request()
      .post('/api/v1/chat.postMessage')
      .set({ ...(await adminHeaders()) })
      .send({ text: 'x' })
      .expect(400);
    expect(res.body).toEqual(expect.objectContaining({ success: false, errorType: 'invalid-params' }));
  });

  it('refuses wrong types', async () => {
    const res = await request()
      .post('/api/v1/chat.postMessage')
      .set({ ...(await adminHeaders()) })
      .send({ roomId: 5, text: 'x' })
      .expect(400);
    expect(res.body.errorType).toBe('invalid-params');
    const text = await request()
      .post('/api/v1/chat.postMessage')
      .set({ ...(await adminHeaders()) })
      .send({ roomId: 'GENERAL', text: { a: 1 } })
      .expect(400);
    expect(text.body.errorType).toBe('invalid-params');
  });

  it('answers invalid-channel for an unknown room', async () => {
    const res = await request()
      .post('/api/v1/chat.postMessage')
      .set({ ...(await adminHeaders()) })
      .send({ roomId: 'no-such-room', text: 'x' })
      .expect(400);
    expect(res.body).toEqual({ success: false, error: '[invalid-channel]', errorType: 'invalid-channel' });
    const byName = await request()
      .post('/api/v1/chat.postMessage')
      .set({ ...(await adminHeaders()) })
      .send({ channel: '#no-such-room-e2e', text: 'x' })
      .expect(400);
    expect(byName.body.errorType).toBe('invalid-channel');
  });

  it('refuses a user who may not post: read-only room without post-readonly', async () => {
    const owner = await createUserAndLogin();
    const member = await createUserAndLogin();
    const channel = await createChannel(owner.credentials.headers, undefined, {
      readOnly: true,
      members: [member.user.username],
    });
    const res = await request()
      .post('/api/v1/chat.postMessage')
      .set({ ...member.credentials.headers })
      .send({ roomId: channel._id, text: 'x' })
      .expect(400);
    expect(res.body).toEqual({ success: false, error: "You can't send messages because the room is readonly." });
    // the owner holds post-readonly in the room
    await request()
      .post('/api/v1/chat.postMessage')
      .set({ ...owner.credentials.headers })
      .send({ roomId: channel._id, text: 'announcement' })
      .expect(200);
  });

  it('stores a tmid reply as a thread message: the parent counts it, history can leave it out', async () => {
    const { credentials, user } = await createUserAndLogin();
    const channel = await createChannel(credentials.headers);
    const parent = await post('chat.postMessage', credentials.headers, { roomId: channel._id, text: 'parent' }).expect(
      200,
    );
    const parentId = parent.body.message._id as string;
    const reply = await post('chat.postMessage', credentials.headers, {
      roomId: channel._id,
      text: 'in the thread',
      tmid: parentId,
    }).expect(200);
    expect(reply.body.message).toMatchObject({ tmid: parentId, msg: 'in the thread' });
    const all = await get('channels.history', credentials.headers, { roomId: channel._id }).expect(200);
    const stored = (all.body.messages as { _id: string; tcount?: number; replies?: string[] }[]).find(
      (m) => m._id === parentId,
    );
    expect(stored).toMatchObject({ tcount: 1, replies: [user._id] });
    const main = await get('channels.history', credentials.headers, {
      roomId: channel._id,
      showThreadMessages: 'false',
    }).expect(200);
    expect((main.body.messages as { _id: string }[]).map((m) => m._id)).toEqual([parentId]);
  });

  it('refuses a tmid of a message in another room', async () => {
    const { credentials } = await createUserAndLogin();
    const a = await createChannel(credentials.headers);
    const b = await createChannel(credentials.headers);
    const parent = await post('chat.postMessage', credentials.headers, { roomId: a._id, text: 'x' }).expect(200);
    const res = await post('chat.postMessage', credentials.headers, {
      roomId: b._id,
      text: 'y',
      tmid: parent.body.message._id,
    }).expect(400);
    expect(res.body).toMatchObject({ success: false, errorType: 'error-invalid-message' });
  });

  it('fills urls from the text unless parseUrls is false, and keeps groupable: false', async () => {
    const { credentials } = await createUserAndLogin();
    const channel = await createChannel(credentials.headers);
    const text = 'see https://rocket.chat/docs, and http://example.com/a?b=1.';
    const parsed = await post('chat.postMessage', credentials.headers, { roomId: channel._id, text }).expect(200);
    expect(parsed.body.message.urls).toEqual([
      { url: 'https://rocket.chat/docs' },
      { url: 'http://example.com/a?b=1' },
    ]);
    const plain = await post('chat.postMessage', credentials.headers, {
      roomId: channel._id,
      text,
      parseUrls: false,
      groupable: false,
    }).expect(200);
    expect(plain.body.message.urls).toBeUndefined();
    expect(plain.body.message.groupable).toBe(false);
  });

  it('answers 401 without login', async () => {
    await request().post('/api/v1/chat.postMessage').send({ roomId: 'GENERAL', text: 'x' }).expect(401);
  });
});
