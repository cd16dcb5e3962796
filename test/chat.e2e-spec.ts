/** chat.*: sending, editing, deleting and reading messages; threads, reactions, pins, stars, receipts, reports. */
import { MongoClient } from 'mongodb';
import { adminHeaders, AuthHeaders, createChannel, createUserAndLogin, get, post, request } from './helpers/api';
import { CHANNELS, createRoom, eventually, GROUPS, member, roomWithMembers } from './helpers/rooms';
import { withSettings } from './helpers/settings';
import { readState } from './helpers/state';

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

// ---------------------------------------------------------------------------------------------------------------
// The rest of chat.*: every endpoint's success path and its refusals.

const say = async (headers: AuthHeaders, roomId: string, text: string, extra: Record<string, unknown> = {}) =>
  (await post('chat.postMessage', headers, { roomId, text, ...extra }).expect(200)).body.message as {
    _id: string;
    rid: string;
    ts: string;
    msg: string;
  };

describe('POST /api/v1/chat.postMessage (more)', () => {
  it('posts to every target given and answers the first; a too-long text is refused', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const other = await createRoom(CHANNELS, owner.headers);
    const res = await post('chat.postMessage', owner.headers, { roomId: [room._id, other._id], text: 'both' }).expect(
      200,
    );
    expect(res.body.message.rid).toBe(room._id);
    const second = await get('channels.history', owner.headers, { roomId: other._id }).expect(200);
    expect(second.body.messages.map((m: { msg: string }) => m.msg)).toContain('both');
    await withSettings({ Message_MaxAllowedSize: 10 }, async () => {
      const long = await post('chat.postMessage', owner.headers, { roomId: room._id, text: 'x'.repeat(11) }).expect(
        400,
      );
      expect(long.body).toEqual({ success: false, error: 'error-message-size-exceeded' });
    });
  });

  it('validates attachments as Rocket.Chat does and links #channels', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const bad = await post('chat.postMessage', owner.headers, {
      roomId: room._id,
      attachments: [{ fields: [{ title: 'no value' }] }],
    }).expect(400);
    expect(bad.body.errorType).toBe('invalid-params');
    const ok = await post('chat.postMessage', owner.headers, {
      roomId: room._id,
      text: `see #${room.name}`,
      attachments: [{ color: '#ff0000', text: 'att', fields: [{ short: true, title: 'k', value: 1 }] }],
    }).expect(200);
    expect(ok.body.message.channels).toEqual([{ _id: room._id, name: room.name }]);
    expect(ok.body.message.attachments[0]).toEqual(expect.objectContaining({ color: '#ff0000', text: 'att' }));
  });

  it('refuses a muted-free but blocked path: a group non-member and an archived room', async () => {
    const { room, owner } = await roomWithMembers(GROUPS, 0);
    const stranger = await member();
    expect(
      (await post('chat.postMessage', stranger.headers, { roomId: room._id, text: 'x' }).expect(400)).body,
    ).toEqual({
      success: false,
      error: 'error-not-allowed',
    });
    await post('groups.archive', owner.headers, { roomId: room._id }).expect(200);
    expect((await post('chat.postMessage', owner.headers, { roomId: room._id, text: 'x' }).expect(400)).body).toEqual({
      success: false,
      error: 'room_is_archived',
    });
  });
});

describe('POST /api/v1/chat.sendMessage', () => {
  it('sends a message with a client id; the same id again is refused', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const _id = `client-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const res = await post('chat.sendMessage', owner.headers, {
      message: { _id, rid: room._id, msg: 'with my id' },
    }).expect(200);
    expect(res.body.message).toEqual(expect.objectContaining({ _id, rid: room._id, msg: 'with my id' }));
    const again = await post('chat.sendMessage', owner.headers, {
      message: { _id, rid: room._id, msg: 'again' },
    }).expect(400);
    expect(again.body.errorType).toBe('error-message-already-exists');
  });

  it('refuses a missing rid, tshow without tmid and a text over Message_MaxAllowedSize', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    expect((await post('chat.sendMessage', owner.headers, { message: { msg: 'x' } }).expect(400)).body.errorType).toBe(
      'invalid-params',
    );
    const tshow = await post('chat.sendMessage', owner.headers, {
      message: { rid: room._id, msg: 'x', tshow: true },
    }).expect(400);
    expect(tshow.body.errorType).toBe('invalid-params');
    await withSettings({ Message_MaxAllowedSize: 5 }, async () => {
      const long = await post('chat.sendMessage', owner.headers, { message: { rid: room._id, msg: 'toolong' } }).expect(
        400,
      );
      expect(long.body.errorType).toBe('error-message-size-exceeded');
    });
  });
});

describe('POST /api/v1/chat.update', () => {
  it('edits the text: editedAt/editedBy, mentions recomputed, the room shows the edit', async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    const msg = await say(owner.headers, room._id, 'first');
    const res = await post('chat.update', owner.headers, {
      roomId: room._id,
      msgId: msg._id,
      text: `edited @${members[0].user.username}`,
    }).expect(200);
    expect(res.body.message).toEqual(
      expect.objectContaining({
        _id: msg._id,
        msg: `edited @${members[0].user.username}`,
        editedAt: expect.any(String),
        editedBy: { _id: owner.user._id, username: owner.user.username },
        mentions: [expect.objectContaining({ _id: members[0].user._id })],
      }),
    );
    await eventually(async () => {
      const info = await get('channels.info', owner.headers, { roomId: room._id }).expect(200);
      expect(info.body.channel.lastMessage.msg).toBe(`edited @${members[0].user.username}`);
    });
  });

  it("refuses another user's message, a wrong room and an unknown message", async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    const msg = await say(owner.headers, room._id, 'mine');
    const other = await post('chat.update', members[0].headers, {
      roomId: room._id,
      msgId: msg._id,
      text: 'hijack',
    }).expect(400);
    expect(other.body.errorType).toBe('error-action-not-allowed');
    const wrongRoom = await post('chat.update', owner.headers, {
      roomId: 'elsewhere',
      msgId: msg._id,
      text: 'x',
    }).expect(400);
    expect(wrongRoom.body.error).toBe('The room id provided does not match where the message is from.');
    const unknown = await post('chat.update', owner.headers, { roomId: room._id, msgId: 'nope', text: 'x' }).expect(
      400,
    );
    expect(unknown.body.error).toBe('No message found with the id of "nope".');
  });

  it('lets an admin who is not in a public channel edit there (edit-message, room access), not in a private group', async () => {
    const admin = await adminHeaders();
    const channel = await roomWithMembers(CHANNELS, 0);
    const inChannel = await say(channel.owner.headers, channel.room._id, 'typo');
    const edited = await post('chat.update', admin, {
      roomId: channel.room._id,
      msgId: inChannel._id,
      text: 'fixed by an admin',
    }).expect(200);
    expect(edited.body.message).toEqual(expect.objectContaining({ _id: inChannel._id, msg: 'fixed by an admin' }));
    const members = await get('channels.members', admin, { roomId: channel.room._id }).expect(200);
    expect(members.body.total).toBe(1);
    const group = await roomWithMembers(GROUPS, 0);
    const inGroup = await say(group.owner.headers, group.room._id, 'private');
    const refused = await post('chat.update', admin, { roomId: group.room._id, msgId: inGroup._id, text: 'x' }).expect(
      400,
    );
    expect(refused.body).toEqual({ success: false, error: `No message found with the id of "${inGroup._id}".` });
  });

  it('keeps the old text as history with Message_KeepHistory, and refuses edits after the block time', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const msg = await say(owner.headers, room._id, 'v1');
    await withSettings({ Message_KeepHistory: true }, async () => {
      await post('chat.update', owner.headers, { roomId: room._id, msgId: msg._id, text: 'v2' }).expect(200);
    });
    const mongo = await MongoClient.connect(readState().mongoUrl);
    try {
      const history = await mongo.db().collection('rocketchat_message').findOne({ parent: msg._id });
      expect(history).toEqual(expect.objectContaining({ msg: 'v1', _hidden: true }));
      await mongo
        .db()
        .collection<{ _id: string }>('rocketchat_message')
        .updateOne({ _id: msg._id }, { $set: { ts: new Date(Date.now() - 10 * 60_000) } });
    } finally {
      await mongo.close();
    }
    await withSettings({ Message_AllowEditing_BlockEditInMinutes: 5 }, async () => {
      const blocked = await post('chat.update', owner.headers, { roomId: room._id, msgId: msg._id, text: 'v3' }).expect(
        400,
      );
      expect(blocked.body.errorType).toBe('error-message-editing-blocked');
    });
  });
});

describe('POST /api/v1/chat.delete', () => {
  it('removes the message; getDeletedMessages and syncMessages report it', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const since = new Date(Date.now() - 1000).toISOString();
    const msg = await say(owner.headers, room._id, 'bye');
    const res = await post('chat.delete', owner.headers, { roomId: room._id, msgId: msg._id }).expect(200);
    expect(res.body).toEqual({
      _id: msg._id,
      ts: expect.stringMatching(/^\d+$/),
      message: expect.objectContaining({ _id: msg._id, rid: room._id }),
      success: true,
    });
    const deleted = await get('chat.getDeletedMessages', owner.headers, { roomId: room._id, since }).expect(200);
    expect(deleted.body).toEqual(expect.objectContaining({ messages: [{ _id: msg._id }], total: 1 }));
    const sync = await get('chat.syncMessages', owner.headers, { roomId: room._id, lastUpdate: since }).expect(200);
    expect(sync.body.result.deleted).toEqual([expect.objectContaining({ _id: msg._id })]);
    expect(sync.body.result.updated.map((m: { _id: string }) => m._id)).not.toContain(msg._id);
  });

  it("refuses another member's message (no delete-message), a wrong room and asUser without force-delete", async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    const msg = await say(owner.headers, room._id, 'keep');
    const byOther = await post('chat.delete', members[0].headers, { roomId: room._id, msgId: msg._id }).expect(400);
    expect(byOther.body.errorType).toBe('error-action-not-allowed');
    const asUser = await post('chat.delete', members[0].headers, {
      roomId: room._id,
      msgId: msg._id,
      asUser: true,
    }).expect(400);
    expect(asUser.body.error).toBe(
      'Unauthorized. You must have the permission "force-delete-message" to delete other\'s message as them.',
    );
    expect((await post('chat.delete', owner.headers, { roomId: 'x', msgId: msg._id }).expect(400)).body.error).toBe(
      'The room id provided does not match where the message is from.',
    );
  });

  it('leaves a "removed" stub with Message_ShowDeletedStatus', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const msg = await say(owner.headers, room._id, 'stub me');
    await withSettings({ Message_ShowDeletedStatus: true }, async () => {
      await post('chat.delete', owner.headers, { roomId: room._id, msgId: msg._id }).expect(200);
    });
    const got = await get('chat.getMessage', owner.headers, { msgId: msg._id }).expect(200);
    expect(got.body.message).toEqual(expect.objectContaining({ _id: msg._id, t: 'rm', msg: '' }));
  });
});

describe('GET /api/v1/chat.getMessage', () => {
  it('answers one message to a reader of the room', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const msg = await say(owner.headers, room._id, 'read me');
    const res = await get('chat.getMessage', owner.headers, { msgId: msg._id }).expect(200);
    expect(res.body.message).toEqual(expect.objectContaining({ _id: msg._id, msg: 'read me' }));
  });

  it('answers an unknown message and one in a room the caller cannot read alike; no id is invalid-params', async () => {
    const { room, owner } = await roomWithMembers(GROUPS, 0);
    const msg = await say(owner.headers, room._id, 'private');
    const stranger = await member();
    const unknown = await get('chat.getMessage', stranger.headers, { msgId: 'nope' }).expect(400);
    expect(unknown.body).toEqual({
      success: false,
      error: 'Invalid message [error-invalid-message]',
      errorType: 'error-invalid-message',
    });
    expect((await get('chat.getMessage', stranger.headers, { msgId: msg._id }).expect(400)).body).toEqual(unknown.body);
    expect((await get('chat.getMessage', owner.headers).expect(400)).body.errorType).toBe('invalid-params');
  });
});

describe('threads: a full round trip', () => {
  it('reply, list, read the replies, follow, unfollow, sync', async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    const reader = members[0];
    const since = new Date(Date.now() - 1000).toISOString();
    const parent = await say(owner.headers, room._id, 'thread starter');
    await say(reader.headers, room._id, 'reply one', { tmid: parent._id });
    // a reply to a reply joins the first one's thread
    const reply = await post('chat.sendMessage', owner.headers, {
      message: { rid: room._id, msg: 'reply two', tmid: parent._id },
    }).expect(200);
    expect(reply.body.message.tmid).toBe(parent._id);

    const replies = await get('chat.getThreadMessages', reader.headers, { tmid: parent._id }).expect(200);
    expect(replies.body.messages.map((m: { msg: string }) => m.msg)).toEqual(['reply one', 'reply two']);
    expect(replies.body.total).toBe(2);

    const list = await get('chat.getThreadsList', reader.headers, { rid: room._id }).expect(200);
    expect(list.body.threads).toEqual([expect.objectContaining({ _id: parent._id, tcount: 2 })]);
    const following = await get('chat.getThreadsList', reader.headers, { rid: room._id, type: 'following' }).expect(
      200,
    );
    expect(following.body.total).toBe(1);
    await eventually(async () => {
      const unread = await get('chat.getThreadsList', reader.headers, { rid: room._id, type: 'unread' }).expect(200);
      expect(unread.body.threads.map((t: { _id: string }) => t._id)).toEqual([parent._id]);
    });

    await post('chat.unfollowMessage', reader.headers, { mid: parent._id }).expect(200);
    const after = await get('chat.getThreadsList', reader.headers, { rid: room._id, type: 'following' }).expect(200);
    expect(after.body.total).toBe(0);
    await eventually(async () => {
      const unread = await get('chat.getThreadsList', reader.headers, { rid: room._id, type: 'unread' }).expect(200);
      expect(unread.body.total).toBe(0);
    });
    await post('chat.followMessage', reader.headers, { mid: parent._id }).expect(200);
    expect(
      (await get('chat.getThreadsList', reader.headers, { rid: room._id, type: 'following' }).expect(200)).body.total,
    ).toBe(1);

    const syncReplies = await get('chat.syncThreadMessages', reader.headers, {
      tmid: parent._id,
      updatedSince: since,
    }).expect(200);
    expect(syncReplies.body.messages.update).toHaveLength(2);
    expect(syncReplies.body.messages.remove).toEqual([]);
    const syncList = await get('chat.syncThreadsList', reader.headers, { rid: room._id, updatedSince: since }).expect(
      200,
    );
    expect(syncList.body.threads.update.map((t: { _id: string }) => t._id)).toEqual([parent._id]);
  });

  it('refuses threads when Threads_enabled is off, an unknown thread, a bad date and a private room', async () => {
    const { room, owner } = await roomWithMembers(GROUPS, 0);
    const parent = await say(owner.headers, room._id, 'secret thread');
    const stranger = await member();
    expect((await get('chat.getThreadMessages', owner.headers, { tmid: 'nope' }).expect(400)).body.errorType).toBe(
      'error-invalid-message',
    );
    // a thread in a room the caller cannot read is answered as a missing one (nothing tells an outsider it exists)
    expect(
      (await get('chat.getThreadMessages', stranger.headers, { tmid: parent._id }).expect(400)).body.errorType,
    ).toBe('error-invalid-message');
    expect((await get('chat.getThreadsList', stranger.headers, { rid: room._id }).expect(400)).body.errorType).toBe(
      'error-not-allowed',
    );
    expect(
      (await get('chat.syncThreadsList', owner.headers, { rid: room._id, updatedSince: 'yesterday' }).expect(400)).body
        .errorType,
    ).toBe('error-updatedSince-param-invalid');
    expect(
      (await get('chat.syncThreadMessages', owner.headers, { tmid: parent._id, updatedSince: 'x' }).expect(400)).body
        .errorType,
    ).toBe('error-updatedSince-param-invalid');
    expect((await post('chat.followMessage', stranger.headers, { mid: parent._id }).expect(400)).body.errorType).toBe(
      'error-invalid-message',
    );
    expect((await post('chat.unfollowMessage', owner.headers, { mid: 'nope' }).expect(400)).body.errorType).toBe(
      'error-invalid-message',
    );
    await withSettings({ Threads_enabled: false }, async () => {
      expect((await get('chat.getThreadsList', owner.headers, { rid: room._id }).expect(400)).body.errorType).toBe(
        'error-not-allowed',
      );
      expect((await post('chat.followMessage', owner.headers, { mid: parent._id }).expect(400)).body.errorType).toBe(
        'error-not-allowed',
      );
    });
  });
});

describe('POST /api/v1/chat.react', () => {
  it('toggles a reaction twice, and shouldReact forces a side', async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    const msg = await say(owner.headers, room._id, 'react to me');
    const reactions = async () =>
      (await get('chat.getMessage', owner.headers, { msgId: msg._id })).body.message.reactions;
    await post('chat.react', members[0].headers, { messageId: msg._id, emoji: 'thumbsup' }).expect(200);
    expect(await reactions()).toEqual({ ':thumbsup:': { usernames: [members[0].user.username] } });
    await post('chat.react', members[0].headers, { messageId: msg._id, emoji: ':thumbsup:' }).expect(200);
    expect(await reactions()).toBeFalsy();
    await post('chat.react', owner.headers, { messageId: msg._id, reaction: 'smile', shouldReact: true }).expect(200);
    await post('chat.react', owner.headers, { messageId: msg._id, emoji: 'smile', shouldReact: true }).expect(200);
    expect(await reactions()).toEqual({ ':smile:': { usernames: [owner.user.username] } });
    await post('chat.react', owner.headers, { messageId: msg._id, emoji: 'smile', shouldReact: false }).expect(200);
    expect(await reactions()).toBeFalsy();
  });

  it('refuses an unknown emoji, an unknown message and a missing emoji', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const msg = await say(owner.headers, room._id, 'x');
    const bad = await post('chat.react', owner.headers, { messageId: msg._id, emoji: 'no_such_emoji_xyz' }).expect(400);
    expect(bad.body).toEqual(expect.objectContaining({ errorType: 'error-not-allowed' }));
    expect(bad.body.error).toContain('Invalid emoji provided.');
    expect(
      (await post('chat.react', owner.headers, { messageId: 'nope', emoji: 'smile' }).expect(400)).body.errorType,
    ).toBe('error-message-not-found');
    expect((await post('chat.react', owner.headers, { messageId: msg._id }).expect(400)).body.errorType).toBe(
      'error-emoji-param-not-provided',
    );
  });
});

describe('pins: chat.pinMessage, chat.unPinMessage, chat.getPinnedMessages', () => {
  it('pins with a message_pinned system message, lists it, unpins', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const msg = await say(owner.headers, room._id, 'pin me');
    const res = await post('chat.pinMessage', owner.headers, { messageId: msg._id }).expect(200);
    expect(res.body.message).toEqual(
      expect.objectContaining({
        t: 'message_pinned',
        rid: room._id,
        attachments: [expect.objectContaining({ text: 'pin me', author_name: owner.user.username })],
      }),
    );
    const pinned = await get('chat.getPinnedMessages', owner.headers, { roomId: room._id }).expect(200);
    expect(pinned.body).toEqual(
      expect.objectContaining({ total: 1, messages: [expect.objectContaining({ _id: msg._id, pinned: true })] }),
    );
    await post('chat.unPinMessage', owner.headers, { messageId: msg._id }).expect(200);
    expect((await get('chat.getPinnedMessages', owner.headers, { roomId: room._id }).expect(200)).body.total).toBe(0);
  });

  it('refuses a plain member (pin-message), pinning when Message_AllowPinning is off, and an unreadable room', async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    const msg = await say(owner.headers, room._id, 'x');
    expect((await post('chat.pinMessage', members[0].headers, { messageId: msg._id }).expect(400)).body.errorType).toBe(
      'not-authorized',
    );
    await withSettings({ Message_AllowPinning: false }, async () => {
      expect((await post('chat.pinMessage', owner.headers, { messageId: msg._id }).expect(400)).body.errorType).toBe(
        'error-action-not-allowed',
      );
    });
    const group = await roomWithMembers(GROUPS, 0);
    const stranger = await member();
    expect(
      (await get('chat.getPinnedMessages', stranger.headers, { roomId: group.room._id }).expect(400)).body.errorType,
    ).toBe('error-not-allowed');
    expect((await post('chat.unPinMessage', owner.headers, { messageId: 'nope' }).expect(400)).body.errorType).toBe(
      'error-message-not-found',
    );
  });
});

describe('stars: chat.starMessage, chat.unStarMessage, chat.getStarredMessages', () => {
  it('stars per user and lists the caller’s stars', async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    const msg = await say(owner.headers, room._id, 'star me');
    await post('chat.starMessage', members[0].headers, { messageId: msg._id }).expect(200);
    expect(
      (await get('chat.getStarredMessages', members[0].headers, { roomId: room._id }).expect(200)).body.total,
    ).toBe(1);
    expect((await get('chat.getStarredMessages', owner.headers, { roomId: room._id }).expect(200)).body.total).toBe(0);
    await post('chat.unStarMessage', members[0].headers, { messageId: msg._id }).expect(200);
    expect(
      (await get('chat.getStarredMessages', members[0].headers, { roomId: room._id }).expect(200)).body.total,
    ).toBe(0);
  });

  it('refuses when Message_AllowStarring is off, an unknown message and a missing roomId', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const msg = await say(owner.headers, room._id, 'x');
    await withSettings({ Message_AllowStarring: false }, async () => {
      expect((await post('chat.starMessage', owner.headers, { messageId: msg._id }).expect(400)).body.errorType).toBe(
        'error-action-not-allowed',
      );
    });
    expect((await post('chat.unStarMessage', owner.headers, { messageId: 'nope' }).expect(400)).body.errorType).toBe(
      'error-message-not-found',
    );
    expect((await get('chat.getStarredMessages', owner.headers).expect(400)).body.errorType).toBe('invalid-params');
  });
});

describe('GET /api/v1/chat.getMentionedMessages and chat.getDiscussions', () => {
  it("lists the messages that mention the caller; discussions are the room's drid messages", async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    await say(owner.headers, room._id, `hey @${members[0].user.username}`);
    await say(owner.headers, room._id, 'no mention');
    const mentioned = await get('chat.getMentionedMessages', members[0].headers, { roomId: room._id }).expect(200);
    expect(mentioned.body).toEqual(expect.objectContaining({ total: 1, count: 1, offset: 0 }));
    const discussions = await get('chat.getDiscussions', owner.headers, { roomId: room._id, text: 'x' }).expect(200);
    expect(discussions.body).toEqual(expect.objectContaining({ messages: [], total: 0 }));
  });

  it('refuses an unreadable room and a missing roomId', async () => {
    const { room } = await roomWithMembers(GROUPS, 0);
    const stranger = await member();
    for (const path of ['chat.getMentionedMessages', 'chat.getDiscussions']) {
      expect((await get(path, stranger.headers, { roomId: room._id }).expect(400)).body).toEqual({
        success: false,
        error: 'error-not-allowed',
      });
      expect((await get(path, stranger.headers).expect(400)).body.errorType).toBe('invalid-params');
    }
  });
});

describe('GET /api/v1/chat.getSnippetedMessages and chat.getSnippetedMessageById', () => {
  it('with Message_AllowSnippeting on, lists snippeted messages of a readable room', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const msg = await say(owner.headers, room._id, 'snip');
    const mongo = await MongoClient.connect(readState().mongoUrl);
    try {
      await mongo
        .db()
        .collection<{ _id: string }>('rocketchat_message')
        .updateOne({ _id: msg._id }, { $set: { snippeted: true } });
    } finally {
      await mongo.close();
    }
    await withSettings({ Message_AllowSnippeting: true }, async () => {
      const list = await get('chat.getSnippetedMessages', owner.headers, { roomId: room._id }).expect(200);
      expect(list.body.messages.map((m: { _id: string }) => m._id)).toEqual([msg._id]);
      const one = await get('chat.getSnippetedMessageById', owner.headers, { messageId: msg._id }).expect(200);
      expect(one.body.message._id).toBe(msg._id);
      expect(
        (await get('chat.getSnippetedMessageById', owner.headers, { messageId: 'nope' }).expect(400)).body.errorType,
      ).toBe('error-invalid-message');
    });
  });

  it('answers error-not-allowed while snippeting is off (the default; the 7.x line has no snippets)', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    expect(
      (await get('chat.getSnippetedMessages', owner.headers, { roomId: room._id }).expect(400)).body.errorType,
    ).toBe('error-not-allowed');
    expect(
      (await get('chat.getSnippetedMessageById', owner.headers, { messageId: 'x' }).expect(400)).body.errorType,
    ).toBe('error-not-allowed');
  });
});

describe('GET /api/v1/chat.search', () => {
  it('finds by text and modifiers in a readable room, with paging', async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    await say(owner.headers, room._id, 'the quick brown fox');
    await say(members[0].headers, room._id, 'a quick reply');
    await say(owner.headers, room._id, 'nothing here');
    const quick = await get('chat.search', owner.headers, { roomId: room._id, searchText: 'QUICK' }).expect(200);
    expect(quick.body.messages.map((m: { msg: string }) => m.msg).sort()).toEqual([
      'a quick reply',
      'the quick brown fox',
    ]);
    const fromMe = await get('chat.search', owner.headers, { roomId: room._id, searchText: 'from:me quick' }).expect(
      200,
    );
    expect(fromMe.body.messages.map((m: { msg: string }) => m.msg)).toEqual(['the quick brown fox']);
    const paged = await get('chat.search', owner.headers, { roomId: room._id, searchText: 'quick', count: '1' }).expect(
      200,
    );
    expect(paged.body.messages).toHaveLength(1);
    const regexSafe = await get('chat.search', owner.headers, { roomId: room._id, searchText: '.*(' }).expect(200);
    expect(regexSafe.body.messages).toEqual([]);
  });

  it('never returns a message of a room the caller cannot read; needs searchText', async () => {
    const { room, owner } = await roomWithMembers(GROUPS, 0);
    await say(owner.headers, room._id, 'classified words');
    const stranger = await member();
    expect(
      (await get('chat.search', stranger.headers, { roomId: room._id, searchText: 'classified' }).expect(400)).body,
    ).toEqual({
      success: false,
      error: 'Not allowed [error-not-allowed]',
      errorType: 'error-not-allowed',
    });
    expect((await get('chat.search', owner.headers, { roomId: room._id }).expect(400)).body.errorType).toBe(
      'invalid-params',
    );
  });
});

describe('GET /api/v1/chat.getDeletedMessages and chat.syncMessages', () => {
  it('sync answers what changed since lastUpdate', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const since = new Date(Date.now() - 1000).toISOString();
    const msg = await say(owner.headers, room._id, 'fresh');
    const res = await get('chat.syncMessages', owner.headers, { roomId: room._id, lastUpdate: since }).expect(200);
    expect(res.body.result.updated.map((m: { _id: string }) => m._id)).toContain(msg._id);
  });

  it('refuses bad dates, missing parameters and an unreadable room', async () => {
    const { room, owner } = await roomWithMembers(GROUPS, 0);
    const stranger = await member();
    expect(
      (await get('chat.syncMessages', owner.headers, { roomId: room._id, lastUpdate: 'x' }).expect(400)).body.errorType,
    ).toBe('error-lastUpdate-param-invalid');
    expect((await get('chat.syncMessages', owner.headers, { roomId: room._id }).expect(400)).body.errorType).toBe(
      'invalid-params',
    );
    expect(
      (await get('chat.getDeletedMessages', owner.headers, { roomId: room._id, since: 'x' }).expect(400)).body.error,
    ).toBe('The "since" query parameter must be a valid date.');
    expect(
      (
        await get('chat.getDeletedMessages', stranger.headers, {
          roomId: room._id,
          since: new Date().toISOString(),
        }).expect(400)
      ).body.error,
    ).toBe('error-not-allowed');
  });
});

describe('GET /api/v1/chat.getMessageReadReceipts', () => {
  it('records who read which message when members mark the room read, while Message_Read_Receipt_Enabled is on', async () => {
    await withSettings({ Message_Read_Receipt_Enabled: true }, async () => {
      const { room, owner, members } = await roomWithMembers(GROUPS, 1);
      const msg = await say(owner.headers, room._id, 'did you read this?');
      expect(
        (await get('chat.getMessageReadReceipts', owner.headers, { messageId: msg._id }).expect(200)).body,
      ).toEqual({
        receipts: [],
        success: true,
      });
      await post('subscriptions.read', members[0].headers, { rid: room._id }).expect(200);
      await eventually(async () => {
        const res = await get('chat.getMessageReadReceipts', owner.headers, { messageId: msg._id }).expect(200);
        expect(res.body.receipts).toEqual([
          expect.objectContaining({
            messageId: msg._id,
            roomId: room._id,
            userId: members[0].user._id,
            user: expect.objectContaining({ username: members[0].user.username }),
          }),
        ]);
      });
      const stranger = await member();
      expect(
        (await get('chat.getMessageReadReceipts', stranger.headers, { messageId: msg._id }).expect(400)).body.errorType,
      ).toBe('error-not-allowed');
    });
  });

  it("answers Rocket.Chat 7's refusal while receipts are off, and needs a messageId", async () => {
    const { owner } = await roomWithMembers(CHANNELS, 0);
    expect((await get('chat.getMessageReadReceipts', owner.headers, { messageId: 'x' }).expect(400)).body).toEqual({
      success: false,
      error: 'This is an enterprise feature [error-action-not-allowed]',
      errorType: 'error-action-not-allowed',
    });
    expect((await get('chat.getMessageReadReceipts', owner.headers).expect(400)).body.errorType).toBe('invalid-params');
  });
});

describe('POST /api/v1/chat.reportMessage', () => {
  it('stores a report for the moderators', async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    const msg = await say(owner.headers, room._id, 'offensive');
    await post('chat.reportMessage', members[0].headers, { messageId: msg._id, description: 'spam' }).expect(200);
    const mongo = await MongoClient.connect(readState().mongoUrl);
    try {
      const report = await mongo.db().collection('rocketchat_moderation_reports').findOne({ 'message._id': msg._id });
      expect(report).toEqual(
        expect.objectContaining({
          description: 'spam',
          reportedBy: expect.objectContaining({ _id: members[0].user._id }),
        }),
      );
    } finally {
      await mongo.close();
    }
  });

  it('refuses an empty description, an unknown message and an unreadable one', async () => {
    const { room, owner } = await roomWithMembers(GROUPS, 0);
    const msg = await say(owner.headers, room._id, 'x');
    const stranger = await member();
    expect(
      (await post('chat.reportMessage', owner.headers, { messageId: msg._id, description: ' ' }).expect(400)).body
        .error,
    ).toBe('The required "description" param is missing.');
    expect(
      (await post('chat.reportMessage', owner.headers, { messageId: 'nope', description: 'x' }).expect(400)).body
        .errorType,
    ).toBe('error-invalid-message');
    expect(
      (await post('chat.reportMessage', stranger.headers, { messageId: msg._id, description: 'x' }).expect(400)).body
        .errorType,
    ).toBe('error-invalid-message');
  });
});

describe('GET /api/v1/chat.ignoreUser', () => {
  it("adds and removes a member on the caller's ignore list", async () => {
    const { room, owner, members } = await roomWithMembers(CHANNELS, 1);
    await get('chat.ignoreUser', owner.headers, { rid: room._id, userId: members[0].user._id }).expect(200);
    const mongo = await MongoClient.connect(readState().mongoUrl);
    const sub = () =>
      mongo.db().collection('rocketchat_subscription').findOne({ rid: room._id, 'u._id': owner.user._id });
    try {
      expect((await sub())?.ignored).toEqual([members[0].user._id]);
      await get('chat.ignoreUser', owner.headers, {
        rid: room._id,
        userId: members[0].user._id,
        ignore: 'false',
      }).expect(200);
      expect((await sub())?.ignored).toEqual([]);
    } finally {
      await mongo.close();
    }
  });

  it('refuses a room the caller is not in, a user not in it and an empty rid', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const stranger = await member();
    expect(
      (await get('chat.ignoreUser', stranger.headers, { rid: room._id, userId: owner.user._id }).expect(400)).body
        .errorType,
    ).toBe('error-invalid-subscription');
    expect(
      (await get('chat.ignoreUser', owner.headers, { rid: room._id, userId: stranger.user._id }).expect(400)).body
        .errorType,
    ).toBe('error-invalid-subscription');
    expect((await get('chat.ignoreUser', owner.headers, { rid: ' ', userId: 'x' }).expect(400)).body.errorType).toBe(
      'error-room-id-param-not-provided',
    );
  });
});

describe('chat.getRoomIdByNameOrId and chat.getRoomNameById (SDK look-ups)', () => {
  it('answer a visible room by name or id', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    expect((await get('chat.getRoomIdByNameOrId', owner.headers, { name: room.name }).expect(200)).body.rid).toBe(
      room._id,
    );
    expect((await get('chat.getRoomIdByNameOrId', owner.headers, { name: room._id }).expect(200)).body.rid).toBe(
      room._id,
    );
    expect((await get('chat.getRoomNameById', owner.headers, { rid: room._id }).expect(200)).body.name).toBe(room.name);
  });

  it('refuse a private group to a non-member, an unknown room and a missing parameter', async () => {
    const { room } = await roomWithMembers(GROUPS, 0);
    const stranger = await member();
    expect(
      (await get('chat.getRoomIdByNameOrId', stranger.headers, { name: room.name }).expect(400)).body.errorType,
    ).toBe('error-not-allowed');
    expect((await get('chat.getRoomNameById', stranger.headers, { rid: 'nope' }).expect(400)).body.errorType).toBe(
      'error-not-allowed',
    );
    expect((await get('chat.getRoomNameById', stranger.headers).expect(400)).body.errorType).toBe('invalid-params');
  });
});
