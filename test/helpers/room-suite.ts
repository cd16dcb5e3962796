/**
 * The e2e tests of the endpoints channels.* and groups.* share (they share one room service): run once per
 * namespace from channels.e2e-spec.ts and groups.e2e-spec.ts. Every endpoint: the success path and at least two
 * refusals (bad or missing input; a caller without the permission or not in the room).
 */
import { MongoClient } from 'mongodb';
import { adminHeaders, get, NOT_LOGGED_IN, post, request, unique } from './api';
import { createRoom, eventually, member, notFound, RoomNamespace, roomWithMembers, systemMessage } from './rooms';
import { readState } from './state';

export function describeSharedRoomEndpoints(k: RoomNamespace): void {
  const ns = k.ns;
  const missing = {
    success: false,
    error: `The parameter "roomId" or "roomName" is required [${k.missingParam}]`,
    errorType: k.missingParam,
  };

  describe(`POST ${ns}.create`, () => {
    it('creates the room: creator is owner, members join, readOnly, customFields and extraData are kept', async () => {
      const owner = await member();
      const other = await member();
      const name = unique(`e2e-${ns}-create`);
      const res = await post(`${ns}.create`, owner.headers, {
        name,
        members: [other.user.username, 'no-such-user-anywhere'],
        readOnly: true,
        customFields: { team: 'blue' },
        extraData: { topic: 'the topic', description: 'the description' },
      }).expect(200);
      expect(res.body.success).toBe(true);
      expect(res.body[k.key]).toEqual(
        expect.objectContaining({
          _id: expect.any(String),
          t: k.t,
          name,
          fname: name,
          ro: true,
          usersCount: 2,
          msgs: 0,
          customFields: { team: 'blue' },
          topic: 'the topic',
          description: 'the description',
          u: { _id: owner.user._id, username: owner.user.username },
        }),
      );
      const roles = await get(`${ns}.roles`, owner.headers, { roomId: res.body[k.key]._id }).expect(200);
      expect(roles.body.roles).toEqual([
        expect.objectContaining({ u: expect.objectContaining({ _id: owner.user._id }), roles: ['owner'] }),
      ]);
    });

    it('refuses a missing, invalid or taken name and unknown keys', async () => {
      const owner = await member();
      expect((await post(`${ns}.create`, owner.headers, {}).expect(400)).body).toEqual({
        success: false,
        error: 'Body param "name" is required',
      });
      expect((await post(`${ns}.create`, owner.headers, { name: 'has space' }).expect(400)).body.errorType).toBe(
        'error-invalid-room-name',
      );
      const room = await createRoom(k, owner.headers);
      const taken = await post(`${ns}.create`, owner.headers, { name: room.name }).expect(400);
      expect(taken.body.errorType).toBe('error-duplicate-channel-name');
      expect(
        (await post(`${ns}.create`, owner.headers, { name: unique('x'), bogus: 1 }).expect(400)).body.errorType,
      ).toBe('invalid-params');
    });

    it(`answers 403 without create-${k.t}, 401 without login`, async () => {
      const guest = await member(['guest']);
      expect((await post(`${ns}.create`, guest.headers, { name: unique('g') }).expect(403)).body).toEqual({
        success: false,
        error: 'unauthorized',
      });
      expect((await post(`${ns}.create`, {}, { name: unique('g') }).expect(401)).body).toEqual(NOT_LOGGED_IN);
    });
  });

  describe(`GET ${ns}.info`, () => {
    it('finds the room by roomId and by roomName', async () => {
      const { room, owner } = await roomWithMembers(k, 0);
      const byId = await get(`${ns}.info`, owner.headers, { roomId: room._id }).expect(200);
      expect(byId.body[k.key]).toEqual(expect.objectContaining({ _id: room._id, name: room.name, t: k.t }));
      const byName = await get(`${ns}.info`, owner.headers, { roomName: room.name }).expect(200);
      expect(byName.body[k.key]._id).toBe(room._id);
    });

    it('needs a room, and answers an unknown one with error-room-not-found', async () => {
      const headers = await adminHeaders();
      expect((await get(`${ns}.info`, headers).expect(400)).body).toEqual(missing);
      expect((await get(`${ns}.info`, headers, { roomId: 'no-such-room' }).expect(400)).body).toEqual(notFound(k));
      expect((await get(`${ns}.info`, headers, { roomId: 'x', extra: 'y' }).expect(400)).body.errorType).toBe(
        'invalid-params',
      );
    });
  });

  describe(`POST ${ns}.invite`, () => {
    it('adds users by id or username, announced with `au`', async () => {
      const { room, owner } = await roomWithMembers(k, 0);
      const a = await member();
      const b = await member();
      const res = await post(`${ns}.invite`, owner.headers, { roomId: room._id, userId: a.user._id }).expect(200);
      expect(res.body[k.key]).toEqual(expect.objectContaining({ _id: room._id, usersCount: 2 }));
      await post(`${ns}.invite`, owner.headers, { roomId: room._id, usernames: [b.user.username] }).expect(200);
      const au = await systemMessage(k, owner.headers, room._id, 'au', b.user.username);
      expect(au.u.username).toBe(owner.user.username);
      // the invited user now sees the room
      await get(`${ns}.info`, b.headers, { roomId: room._id }).expect(200);
    });

    it('refuses an empty invite list and a caller who may not add users', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      const empty = await post(`${ns}.invite`, owner.headers, { roomId: room._id, usernames: ['no-such-user-x'] });
      expect(empty.status).toBe(400);
      // Rocket.Chat's channels.invite swaps message and type: API.v1.failure('invalid-user-invite-list', '...')
      expect(empty.body).toEqual(
        k.t === 'c'
          ? { success: false, error: 'invalid-user-invite-list', errorType: 'Cannot invite if no users are provided' }
          : expect.objectContaining({ errorType: 'error-empty-invite-list' }),
      );
      const noParams = await post(`${ns}.invite`, owner.headers, { roomId: room._id }).expect(400);
      expect(noParams.body.errorType).toBe('error-users-params-not-provided');
      const someone = await member();
      // a plain member lacks add-user-to-joined-room
      const refused = await post(`${ns}.invite`, members[0].headers, {
        roomId: room._id,
        userId: someone.user._id,
      }).expect(400);
      expect(refused.body.errorType).toBe('error-not-allowed');
    });
  });

  describe(`POST ${ns}.kick`, () => {
    it('removes a member, announced with `ru`', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      await post(`${ns}.kick`, owner.headers, { roomId: room._id, userId: members[0].user._id }).expect(200);
      const info = await get(`${ns}.info`, owner.headers, { roomId: room._id }).expect(200);
      expect(info.body[k.key].usersCount).toBe(1);
      const ru = await systemMessage(k, owner.headers, room._id, 'ru', members[0].user.username);
      expect(ru.u.username).toBe(owner.user.username);
    });

    it('refuses a plain member, a user not in the room and a missing user', async () => {
      const { room, owner, members } = await roomWithMembers(k, 2);
      const byMember = await post(`${ns}.kick`, members[0].headers, {
        roomId: room._id,
        userId: members[1].user._id,
      }).expect(400);
      expect(byMember.body.errorType).toBe('error-not-allowed');
      const outsider = await member();
      const notIn = await post(`${ns}.kick`, owner.headers, { roomId: room._id, userId: outsider.user._id }).expect(
        400,
      );
      expect(notIn.body.errorType).toBe('error-user-not-in-room');
      const noUser = await post(`${ns}.kick`, owner.headers, { roomId: room._id }).expect(400);
      expect(noUser.body.errorType).toBe('error-user-param-not-provided');
    });
  });

  describe(`POST ${ns}.leave`, () => {
    it('a member leaves, announced with `ul`', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      await post(`${ns}.leave`, members[0].headers, { roomId: room._id }).expect(200);
      await systemMessage(k, owner.headers, room._id, 'ul', members[0].user.username);
      const info = await get(`${ns}.info`, owner.headers, { roomId: room._id }).expect(200);
      expect(info.body[k.key].usersCount).toBe(1);
    });

    it('the last owner cannot leave; a missing room is refused', async () => {
      const { room, owner } = await roomWithMembers(k, 1);
      const last = await post(`${ns}.leave`, owner.headers, { roomId: room._id }).expect(400);
      expect(last.body.errorType).toBe('error-you-are-last-owner');
      expect((await post(`${ns}.leave`, owner.headers, {}).expect(400)).body).toEqual(missing);
    });
  });

  describe(`POST ${ns}.open / ${ns}.close`, () => {
    it('hides the room from the sidebar and shows it again', async () => {
      const { room, members } = await roomWithMembers(k, 1);
      const headers = members[0].headers;
      await post(`${ns}.close`, headers, { roomId: room._id }).expect(200);
      const closed = await post(`${ns}.close`, headers, { roomId: room._id }).expect(400);
      expect(closed.body.error).toBe(`The ${k.noun}, ${room.name}, is already closed to the sender`);
      await post(`${ns}.open`, headers, { roomId: room._id }).expect(200);
      const open = await post(`${ns}.open`, headers, { roomId: room._id }).expect(400);
      expect(open.body.error).toBe(`The ${k.noun}, ${room.name}, is already open to the sender`);
    });

    it('refuses a missing room and an unknown one', async () => {
      const { owner } = await roomWithMembers(k, 0);
      expect((await post(`${ns}.open`, owner.headers, {}).expect(400)).body).toEqual(missing);
      expect((await post(`${ns}.close`, owner.headers, { roomId: 'nope' }).expect(400)).body).toEqual(notFound(k));
    });
  });

  describe(`POST ${ns}.archive / ${ns}.unarchive`, () => {
    it('archives (owner) and unarchives (admin); an archived room refuses changes and posts', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      const admin = await adminHeaders();
      await post(`${ns}.invite`, owner.headers, { roomId: room._id, userId: admin['X-User-Id'] }).expect(200);
      await post(`${ns}.archive`, owner.headers, { roomId: room._id }).expect(200);
      await systemMessage(k, owner.headers, room._id, 'room-archived');
      const info = await get(`${ns}.info`, owner.headers, { roomId: room._id }).expect(200);
      expect(info.body[k.key].archived).toBe(true);
      const topic = await post(`${ns}.setTopic`, owner.headers, { roomId: room._id, topic: 'x' }).expect(400);
      expect(topic.body.errorType).toBe('error-room-archived');
      expect(topic.body.error).toBe(`The ${k.noun}, ${room.name}, is archived [error-room-archived]`);
      const posted = await post('chat.postMessage', members[0].headers, { roomId: room._id, text: 'hi' }).expect(400);
      expect(posted.body.success).toBe(false);
      // unarchive-room is an administrator's permission
      const byOwner = await post(`${ns}.unarchive`, owner.headers, { roomId: room._id }).expect(400);
      expect(byOwner.body.errorType).toBe('error-not-authorized');
      await post(`${ns}.unarchive`, admin, { roomId: room._id }).expect(200);
      await systemMessage(k, owner.headers, room._id, 'room-unarchived');
      await post('chat.postMessage', members[0].headers, { roomId: room._id, text: 'hi again' }).expect(200);
    });

    it('refuses a plain member, and unarchiving a room that is not archived', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      const byMember = await post(`${ns}.archive`, members[0].headers, { roomId: room._id }).expect(400);
      expect(byMember.body.errorType).toBe('error-not-authorized');
      const admin = await adminHeaders();
      await post(`${ns}.invite`, owner.headers, { roomId: room._id, userId: admin['X-User-Id'] }).expect(200);
      const notArchived = await post(`${ns}.unarchive`, admin, { roomId: room._id }).expect(400);
      expect(notArchived.body.error).toBe(`The ${k.noun}, ${room.name}, is not archived`);
    });
  });

  describe(`POST ${ns}.delete`, () => {
    it('removes the room, its subscriptions and its messages', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      await post('chat.postMessage', owner.headers, { roomId: room._id, text: 'to be deleted' }).expect(200);
      await get(`${ns}.messages`, members[0].headers, { roomId: room._id }).expect(200);
      await post(`${ns}.delete`, owner.headers, { roomId: room._id }).expect(200);
      // every replica of chat forgets the room at once (not after its cache's TTL)
      await eventually(async () => {
        const stale = await get(`${ns}.messages`, members[0].headers, { roomId: room._id });
        expect(stale.body).toEqual(notFound(k));
      }, 1500);
      expect((await get(`${ns}.info`, owner.headers, { roomId: room._id }).expect(400)).body).toEqual(notFound(k));
      const posted = await post('chat.postMessage', members[0].headers, { roomId: room._id, text: 'x' });
      expect(posted.status).toBe(400);
      const mongo = await MongoClient.connect(readState().mongoUrl);
      try {
        const db = mongo.db();
        expect(await db.collection('rocketchat_subscription').countDocuments({ rid: room._id })).toBe(0);
        await eventually(async () =>
          expect(await db.collection('rocketchat_message').countDocuments({ rid: room._id })).toBe(0),
        );
      } finally {
        await mongo.close();
      }
    });

    it('refuses a plain member and an unknown room', async () => {
      const { room, members } = await roomWithMembers(k, 1);
      const byMember = await post(`${ns}.delete`, members[0].headers, { roomId: room._id }).expect(400);
      expect(byMember.body.errorType).toBe('error-not-allowed');
      expect((await post(`${ns}.delete`, members[0].headers, { roomId: 'nope' }).expect(400)).body).toEqual(
        notFound(k),
      );
    });
  });

  describe(`${ns} room roles: addOwner, removeOwner, addModerator, removeModerator, addLeader, removeLeader, roles, moderators`, () => {
    it('owner → moderator → plain member: each tries the same changes', async () => {
      const { room, owner, members } = await roomWithMembers(k, 3);
      const [mod, plain, target] = members;
      const rid = room._id;
      await post(`${ns}.addModerator`, owner.headers, { roomId: rid, userId: mod.user._id }).expect(200);
      const added = await systemMessage(k, owner.headers, rid, 'subscription-role-added', mod.user.username);
      expect(added.role).toBe('moderator');

      // editing the room: owner and moderator yes, plain member no
      await post(`${ns}.setTopic`, owner.headers, { roomId: rid, topic: 'by owner' }).expect(200);
      await post(`${ns}.setTopic`, mod.headers, { roomId: rid, topic: 'by moderator' }).expect(200);
      const plainTopic = await post(`${ns}.setTopic`, plain.headers, { roomId: rid, topic: 'by member' }).expect(400);
      expect(plainTopic.body.errorType).toBe('error-action-not-allowed');

      // naming moderators: owner only
      const modAdds = await post(`${ns}.addModerator`, mod.headers, { roomId: rid, userId: target.user._id }).expect(
        400,
      );
      expect(modAdds.body.errorType).toBe('error-not-allowed');
      const plainAdds = await post(`${ns}.addModerator`, plain.headers, {
        roomId: rid,
        userId: target.user._id,
      }).expect(400);
      expect(plainAdds.body.errorType).toBe('error-not-allowed');

      // naming leaders and owners: owner only
      await post(`${ns}.addLeader`, owner.headers, { roomId: rid, userId: target.user._id }).expect(200);
      const modLeader = await post(`${ns}.addLeader`, mod.headers, { roomId: rid, userId: plain.user._id }).expect(400);
      expect(modLeader.body.errorType).toBe('error-not-allowed');
      const modOwner = await post(`${ns}.addOwner`, mod.headers, { roomId: rid, userId: mod.user._id }).expect(400);
      expect(modOwner.body.errorType).toBe('error-not-allowed');

      // kicking: owner and moderator yes, plain member no
      const plainKicks = await post(`${ns}.kick`, plain.headers, { roomId: rid, userId: target.user._id }).expect(400);
      expect(plainKicks.body.errorType).toBe('error-not-allowed');

      // archiving: owner yes, moderator no
      const modArchives = await post(`${ns}.archive`, mod.headers, { roomId: rid }).expect(400);
      expect(modArchives.body.errorType).toBe('error-not-authorized');

      const roles = await get(`${ns}.roles`, plain.headers, { roomId: rid }).expect(200);
      const byUser = Object.fromEntries(
        (roles.body.roles as { u: { _id: string }; roles: string[] }[]).map((r) => [r.u._id, r.roles]),
      );
      expect(byUser).toEqual({
        [owner.user._id]: ['owner'],
        [mod.user._id]: ['moderator'],
        [target.user._id]: ['leader'],
      });
      const moderators = await get(`${ns}.moderators`, plain.headers, { roomId: rid }).expect(200);
      expect(moderators.body.moderators).toEqual([expect.objectContaining({ _id: mod.user._id })]);

      await post(`${ns}.kick`, mod.headers, { roomId: rid, userId: target.user._id }).expect(200);
      await post(`${ns}.removeModerator`, owner.headers, { roomId: rid, userId: mod.user._id }).expect(200);
      const removed = await systemMessage(k, owner.headers, rid, 'subscription-role-removed', mod.user.username);
      expect(removed.role).toBe('moderator');
      // no longer a moderator: no more edits
      const after = await post(`${ns}.setTopic`, mod.headers, { roomId: rid, topic: 'again' }).expect(400);
      expect(after.body.errorType).toBe('error-action-not-allowed');
    });

    it('room roles are room-scoped: an owner of one room has no power in another', async () => {
      const a = await roomWithMembers(k, 1);
      const b = await createRoom(k, a.members[0].headers, { members: [a.owner.user.username] });
      const res = await post(`${ns}.addModerator`, a.owner.headers, {
        roomId: b._id,
        userId: a.members[0].user._id,
      }).expect(400);
      expect(res.body.errorType).toBe('error-not-allowed');
      const topic = await post(`${ns}.setTopic`, a.owner.headers, { roomId: b._id, topic: 'nope' }).expect(400);
      expect(topic.body.errorType).toBe('error-action-not-allowed');
    });

    it('owners: add, refuse twice, remove, never the last one', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      const rid = room._id;
      const lastOwner = await post(`${ns}.removeOwner`, owner.headers, { roomId: rid, userId: owner.user._id }).expect(
        400,
      );
      expect(lastOwner.body.errorType).toBe('error-remove-last-owner');
      await post(`${ns}.addOwner`, owner.headers, { roomId: rid, userId: members[0].user._id }).expect(200);
      const twice = await post(`${ns}.addOwner`, owner.headers, { roomId: rid, userId: members[0].user._id }).expect(
        400,
      );
      expect(twice.body.errorType).toBe('error-user-already-owner');
      await post(`${ns}.removeOwner`, members[0].headers, { roomId: rid, userId: owner.user._id }).expect(200);
      const notOwner = await post(`${ns}.removeOwner`, members[0].headers, {
        roomId: rid,
        userId: owner.user._id,
      }).expect(400);
      expect(notOwner.body.errorType).toBe('error-user-not-owner');
    });

    it('moderators and leaders: already one, not one, not in the room, no user', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      const rid = room._id;
      const uid = members[0].user._id;
      await post(`${ns}.addModerator`, owner.headers, { roomId: rid, username: members[0].user.username }).expect(200);
      expect(
        (await post(`${ns}.addModerator`, owner.headers, { roomId: rid, userId: uid }).expect(400)).body.errorType,
      ).toBe('error-user-already-moderator');
      await post(`${ns}.removeModerator`, owner.headers, { roomId: rid, userId: uid }).expect(200);
      expect(
        (await post(`${ns}.removeModerator`, owner.headers, { roomId: rid, userId: uid }).expect(400)).body.errorType,
      ).toBe('error-user-not-moderator');
      await post(`${ns}.addLeader`, owner.headers, { roomId: rid, userId: uid }).expect(200);
      expect(
        (await post(`${ns}.addLeader`, owner.headers, { roomId: rid, userId: uid }).expect(400)).body.errorType,
      ).toBe('error-user-already-leader');
      await post(`${ns}.removeLeader`, owner.headers, { roomId: rid, userId: uid }).expect(200);
      expect(
        (await post(`${ns}.removeLeader`, owner.headers, { roomId: rid, userId: uid }).expect(400)).body.errorType,
      ).toBe('error-user-not-leader');
      const outsider = await member();
      expect(
        (await post(`${ns}.addLeader`, owner.headers, { roomId: rid, userId: outsider.user._id }).expect(400)).body
          .errorType,
      ).toBe('error-user-not-in-room');
      expect((await post(`${ns}.addModerator`, owner.headers, { roomId: rid }).expect(400)).body.errorType).toBe(
        'error-user-param-not-provided',
      );
    });

    it('roles and moderators need a room and refuse an unknown one', async () => {
      const headers = await adminHeaders();
      for (const path of ['roles', 'moderators']) {
        expect((await get(`${ns}.${path}`, headers).expect(400)).body).toEqual(missing);
        expect((await get(`${ns}.${path}`, headers, { roomName: 'no-such-room' }).expect(400)).body).toEqual(
          notFound(k),
        );
      }
    });
  });

  describe(`GET ${ns}.members`, () => {
    it('lists members with paging, a text filter and a status filter', async () => {
      const { room, owner, members } = await roomWithMembers(k, 2);
      const all = await get(`${ns}.members`, owner.headers, { roomId: room._id }).expect(200);
      expect(all.body).toEqual(expect.objectContaining({ count: 3, offset: 0, total: 3, success: true }));
      expect(all.body.members[0]).toEqual(
        expect.objectContaining({ _id: expect.any(String), username: expect.any(String), status: expect.any(String) }),
      );
      const page = await get(`${ns}.members`, owner.headers, { roomId: room._id, count: '1', offset: '1' }).expect(200);
      expect(page.body).toEqual(expect.objectContaining({ count: 1, offset: 1, total: 3 }));
      const filtered = await get(`${ns}.members`, owner.headers, {
        roomId: room._id,
        filter: members[1].user.username,
      }).expect(200);
      expect(filtered.body.members.map((m: { _id: string }) => m._id)).toEqual([members[1].user._id]);
      const offline = await request()
        .get(`/api/v1/${ns}.members`)
        .query(`roomId=${room._id}&status[]=away&status[]=busy`)
        .set({ ...owner.headers })
        .expect(200);
      expect(offline.body.total).toBe(0);
    });

    it('refuses a bad count, a missing room and an unknown one', async () => {
      const { room, owner } = await roomWithMembers(k, 0);
      expect(
        (await get(`${ns}.members`, owner.headers, { roomId: room._id, count: 'x' }).expect(400)).body.errorType,
      ).toBe('invalid-params');
      expect((await get(`${ns}.members`, owner.headers).expect(400)).body).toEqual(missing);
      expect((await get(`${ns}.members`, owner.headers, { roomId: 'nope' }).expect(400)).body).toEqual(notFound(k));
    });
  });

  describe(`POST ${ns}.rename`, () => {
    it('renames the room and its subscriptions, announced with `r`', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      const name = unique(`e2e-${ns}-renamed`);
      const res = await post(`${ns}.rename`, owner.headers, { roomId: room._id, name }).expect(200);
      expect(res.body[k.key]).toEqual(expect.objectContaining({ _id: room._id, name, fname: name }));
      await systemMessage(k, owner.headers, room._id, 'r', name);
      const byNewName = await get(`${ns}.info`, members[0].headers, { roomName: name }).expect(200);
      expect(byNewName.body[k.key]._id).toBe(room._id);
      const mongo = await MongoClient.connect(readState().mongoUrl);
      try {
        const subs = await mongo.db().collection('rocketchat_subscription').find({ rid: room._id }).toArray();
        expect(subs.map((s) => [s.name, s.fname])).toEqual([
          [name, name],
          [name, name],
        ]);
      } finally {
        await mongo.close();
      }
    });

    it('refuses the same name, a taken one, a missing one and a plain member', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      const same = await post(`${ns}.rename`, owner.headers, { roomId: room._id, name: room.name }).expect(400);
      expect(same.body.error).toBe(`The ${k.noun} name is the same as what it would be renamed to.`);
      const other = await createRoom(k, owner.headers);
      const taken = await post(`${ns}.rename`, owner.headers, { roomId: room._id, name: other.name }).expect(400);
      expect(taken.body.errorType).toBe('error-duplicate-channel-name');
      expect((await post(`${ns}.rename`, owner.headers, { roomId: room._id }).expect(400)).body.error).toBe(
        'The bodyParam "name" is required',
      );
      const byMember = await post(`${ns}.rename`, members[0].headers, {
        roomId: room._id,
        name: unique('x'),
      }).expect(400);
      expect(byMember.body.errorType).toBe('error-action-not-allowed');
    });
  });

  describe(`POST ${ns}.setTopic / setAnnouncement / setDescription / setPurpose`, () => {
    const cases = [
      { path: 'setTopic', key: 'topic', t: 'room_changed_topic' },
      { path: 'setAnnouncement', key: 'announcement', t: 'room_changed_announcement' },
      { path: 'setDescription', key: 'description', t: 'room_changed_description' },
      { path: 'setPurpose', key: 'purpose', t: 'room_changed_description' },
    ];
    for (const c of cases) {
      it(`${c.path}: stores it, answers it and announces ${c.t}`, async () => {
        const { room, owner } = await roomWithMembers(k, 0);
        const value = `the ${c.key} ${unique('v')}`;
        const res = await post(`${ns}.${c.path}`, owner.headers, { roomId: room._id, [c.key]: value }).expect(200);
        expect(res.body).toEqual({ [c.key]: value, success: true });
        await systemMessage(k, owner.headers, room._id, c.t, value);
        const info = await get(`${ns}.info`, owner.headers, { roomId: room._id }).expect(200);
        expect(info.body[k.key][c.key === 'purpose' ? 'description' : c.key]).toBe(value);
      });

      it(`${c.path}: refuses a missing value, a plain member and an unknown room`, async () => {
        const { room, owner, members } = await roomWithMembers(k, 1);
        expect((await post(`${ns}.${c.path}`, owner.headers, { roomId: room._id }).expect(400)).body.error).toBe(
          `The bodyParam "${c.key}" is required`,
        );
        const byMember = await post(`${ns}.${c.path}`, members[0].headers, {
          roomId: room._id,
          [c.key]: 'x',
        }).expect(400);
        expect(byMember.body.errorType).toBe('error-action-not-allowed');
        expect(
          (await post(`${ns}.${c.path}`, owner.headers, { roomId: 'nope', [c.key]: 'x' }).expect(400)).body,
        ).toEqual(notFound(k));
      });
    }
  });

  describe(`POST ${ns}.setReadOnly`, () => {
    it('makes the room read-only: members cannot post, owners can', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      const res = await post(`${ns}.setReadOnly`, owner.headers, { roomId: room._id, readOnly: true }).expect(200);
      expect(res.body[k.key].ro).toBe(true);
      await systemMessage(k, owner.headers, room._id, 'room-set-read-only');
      const refused = await post('chat.postMessage', members[0].headers, { roomId: room._id, text: 'x' }).expect(400);
      expect(refused.body.success).toBe(false);
      await post('chat.postMessage', owner.headers, { roomId: room._id, text: 'announcement' }).expect(200);
      await post(`${ns}.setReadOnly`, owner.headers, { roomId: room._id, readOnly: false }).expect(200);
      await post('chat.postMessage', members[0].headers, { roomId: room._id, text: 'now I can' }).expect(200);
    });

    it('refuses the same value, a non-boolean and a plain member', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      const same = await post(`${ns}.setReadOnly`, owner.headers, { roomId: room._id, readOnly: false }).expect(400);
      expect(same.body.error).toBe(`The ${k.noun} read only setting is the same as what it would be changed to.`);
      expect(
        (await post(`${ns}.setReadOnly`, owner.headers, { roomId: room._id, readOnly: 'yes' }).expect(400)).body
          .errorType,
      ).toBe('invalid-params');
      const byMember = await post(`${ns}.setReadOnly`, members[0].headers, {
        roomId: room._id,
        readOnly: true,
      }).expect(400);
      expect(byMember.body.errorType).toBe('error-action-not-allowed');
    });
  });

  describe(`POST ${ns}.setType`, () => {
    const other: RoomNamespace['ns'] = ns === 'channels' ? 'groups' : 'channels';
    const otherType = k.t === 'c' ? 'p' : 'c';

    it(`moves the room to ${other}: subscriptions follow, announced with room_changed_privacy`, async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      // chat now holds the room in its access cache; the change must reach it at once, not after the cache's TTL
      await get(`${ns}.history`, members[0].headers, { roomId: room._id }).expect(200);
      const res = await post(`${ns}.setType`, owner.headers, { roomId: room._id, type: otherType }).expect(200);
      await eventually(async () => {
        const stale = await get(`${ns}.history`, members[0].headers, { roomId: room._id });
        expect(stale.body).toEqual(notFound(k));
      }, 1500);
      expect(res.body[k.key]).toEqual(expect.objectContaining({ _id: room._id, t: otherType }));
      expect((await get(`${ns}.info`, owner.headers, { roomId: room._id }).expect(400)).body.errorType).toBe(
        'error-room-not-found',
      );
      await get(`${other}.info`, members[0].headers, { roomId: room._id }).expect(200);
      const privacy = await eventually(async () => {
        const res = await get(`${other}.history`, owner.headers, { roomId: room._id }).expect(200);
        const found = (res.body.messages as { t?: string; msg: string }[]).find((m) => m.t === 'room_changed_privacy');
        if (!found) {
          throw new Error('no room_changed_privacy yet');
        }
        return found;
      });
      expect(privacy.msg).toBe(otherType === 'c' ? 'public' : 'private');
    });

    it('refuses the same type, an unknown type and a plain member', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      const same = await post(`${ns}.setType`, owner.headers, { roomId: room._id, type: k.t }).expect(400);
      expect(same.body.error).toBe(`The ${k.noun} type is the same as what it would be changed to.`);
      const bad = await post(`${ns}.setType`, owner.headers, { roomId: room._id, type: 'x' }).expect(400);
      expect(bad.body.errorType).toBe('error-invalid-room-type');
      const byMember = await post(`${ns}.setType`, members[0].headers, {
        roomId: room._id,
        type: otherType,
      }).expect(400);
      expect(byMember.body.errorType).toBe('error-action-not-allowed');
    });
  });

  describe(`POST ${ns}.setCustomFields`, () => {
    it('stores the custom fields', async () => {
      const { room, owner } = await roomWithMembers(k, 0);
      const res = await post(`${ns}.setCustomFields`, owner.headers, {
        roomId: room._id,
        customFields: { cost: 'center-1' },
      }).expect(200);
      expect(res.body[k.key].customFields).toEqual({ cost: 'center-1' });
    });

    it('refuses missing or non-object fields and a plain member', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      expect((await post(`${ns}.setCustomFields`, owner.headers, { roomId: room._id }).expect(400)).body.error).toBe(
        'The bodyParam "customFields" is required with a type like object.',
      );
      expect(
        (await post(`${ns}.setCustomFields`, owner.headers, { roomId: room._id, customFields: 'x' }).expect(400)).body
          .errorType,
      ).toBe('invalid-params');
      const byMember = await post(`${ns}.setCustomFields`, members[0].headers, {
        roomId: room._id,
        customFields: {},
      }).expect(400);
      expect(byMember.body.errorType).toBe('error-action-not-allowed');
    });
  });

  describe(`GET ${ns}.history`, () => {
    it('pages newest first, with a time window, inclusive bounds and unreads', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      for (const text of ['one', 'two', 'three']) {
        await post('chat.postMessage', owner.headers, { roomId: room._id, text }).expect(200);
      }
      const texts = (res: { body: { messages: { msg: string; t?: string }[] } }) =>
        res.body.messages.filter((m) => !m.t).map((m) => m.msg);
      const all = await get(`${ns}.history`, owner.headers, { roomId: room._id }).expect(200);
      expect(texts(all)).toEqual(['three', 'two', 'one']);
      const page = await get(`${ns}.history`, owner.headers, { roomName: room.name, count: '1', offset: '1' }).expect(
        200,
      );
      expect(page.body.messages).toHaveLength(1);
      const two = (all.body.messages as { msg: string; ts: string }[]).find((m) => m.msg === 'two')!;
      const before = await get(`${ns}.history`, owner.headers, { roomId: room._id, latest: two.ts }).expect(200);
      expect(texts(before)).toEqual(['one']);
      const upto = await get(`${ns}.history`, owner.headers, {
        roomId: room._id,
        latest: two.ts,
        oldest: two.ts,
        inclusive: 'true',
      }).expect(200);
      expect(texts(upto)).toEqual(['two']);
      const unreads = await get(`${ns}.history`, members[0].headers, { roomId: room._id, unreads: 'true' }).expect(200);
      expect(unreads.body.firstUnread?.msg).toBe('one');
      expect(unreads.body.unreadNotLoaded).toBe(0);
    });

    it('refuses a bad date, a bad count and a missing room', async () => {
      const { room, owner } = await roomWithMembers(k, 0);
      expect(
        (await get(`${ns}.history`, owner.headers, { roomId: room._id, latest: 'yesterday' }).expect(400)).body
          .errorType,
      ).toBe('error-invalid-date');
      expect(
        (await get(`${ns}.history`, owner.headers, { roomId: room._id, count: 'many' }).expect(400)).body.errorType,
      ).toBe('invalid-params');
      expect((await get(`${ns}.history`, owner.headers).expect(400)).body).toEqual(missing);
    });
  });

  describe(`GET ${ns}.messages`, () => {
    it('pages the messages with sort, query and pinned/mention filters', async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      for (const text of ['alpha', 'beta', `hello @${members[0].user.username}`]) {
        await post('chat.postMessage', owner.headers, { roomId: room._id, text }).expect(200);
      }
      const all = await get(`${ns}.messages`, owner.headers, { roomId: room._id, sort: '{"ts":1}' }).expect(200);
      expect(all.body.total).toBeGreaterThanOrEqual(3);
      const texts = (all.body.messages as { msg: string; t?: string }[]).filter((m) => !m.t).map((m) => m.msg);
      expect(texts.slice(0, 2)).toEqual(['alpha', 'beta']);
      const queried = await get(`${ns}.messages`, owner.headers, {
        roomId: room._id,
        query: JSON.stringify({ msg: 'beta' }),
      }).expect(200);
      expect(queried.body.messages.map((m: { msg: string }) => m.msg)).toEqual(['beta']);
      const mentions = await get(`${ns}.messages`, owner.headers, {
        roomId: room._id,
        mentionIds: members[0].user._id,
      }).expect(200);
      expect(mentions.body.messages).toHaveLength(1);
      const pinned = await get(`${ns}.messages`, owner.headers, { roomId: room._id, pinned: 'true' }).expect(200);
      expect(pinned.body.total).toBe(0);
    });

    it('refuses $where, an unknown key and a missing room', async () => {
      const { room, owner } = await roomWithMembers(k, 0);
      expect(
        (await get(`${ns}.messages`, owner.headers, { roomId: room._id, query: '{"$where":"1"}' }).expect(400)).body
          .errorType,
      ).toBe('error-invalid-query');
      expect(
        (await get(`${ns}.messages`, owner.headers, { roomId: room._id, bogus: '1' }).expect(400)).body.errorType,
      ).toBe('invalid-params');
      expect((await get(`${ns}.messages`, owner.headers).expect(400)).body).toEqual(missing);
    });
  });

  describe(`GET ${ns}.files`, () => {
    it("lists the room's uploads with a name filter and paging", async () => {
      const { room, owner } = await roomWithMembers(k, 0);
      const mongo = await MongoClient.connect(readState().mongoUrl);
      try {
        const uploads = mongo.db().collection<{ _id: string }>('rocketchat_uploads');
        const now = new Date();
        for (const [i, name] of ['report.pdf', 'photo.png', 'notes.txt'].entries()) {
          await uploads.insertOne({
            _id: `${room._id}-f${i}`,
            rid: room._id,
            userId: owner.user._id,
            name,
            type: name.endsWith('png') ? 'image/png' : 'application/octet-stream',
            typeGroup: name.endsWith('png') ? 'image' : 'application',
            size: 10 + i,
            complete: true,
            uploadedAt: now,
            _updatedAt: now,
          } as never);
        }
      } finally {
        await mongo.close();
      }
      const all = await get(`${ns}.files`, owner.headers, { roomId: room._id }).expect(200);
      expect(all.body).toEqual(expect.objectContaining({ count: 3, total: 3, offset: 0 }));
      expect(all.body.files.map((f: { name: string }) => f.name)).toEqual(['notes.txt', 'photo.png', 'report.pdf']);
      const named = await get(`${ns}.files`, owner.headers, { roomId: room._id, name: 'PHOTO' }).expect(200);
      expect(named.body.files.map((f: { name: string }) => f.name)).toEqual(['photo.png']);
      const images = await get(`${ns}.files`, owner.headers, { roomId: room._id, typeGroup: 'image' }).expect(200);
      expect(images.body.total).toBe(1);
      const paged = await get(`${ns}.files`, owner.headers, { roomId: room._id, count: '1', offset: '2' }).expect(200);
      expect(paged.body.files.map((f: { name: string }) => f.name)).toEqual(['report.pdf']);
    });

    it('refuses a bad sort, a missing room and an unknown one', async () => {
      const { room, owner } = await roomWithMembers(k, 0);
      expect(
        (await get(`${ns}.files`, owner.headers, { roomId: room._id, sort: 'name' }).expect(400)).body.errorType,
      ).toBe('error-invalid-sort');
      expect((await get(`${ns}.files`, owner.headers).expect(400)).body).toEqual(missing);
      expect((await get(`${ns}.files`, owner.headers, { roomId: 'nope' }).expect(400)).body).toEqual(notFound(k));
    });
  });

  describe(`GET ${ns}.counters`, () => {
    it("answers the caller's unread state; an administrator may ask about another member", async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      await post('chat.postMessage', owner.headers, {
        roomId: room._id,
        text: `hey @${members[0].user.username}`,
      }).expect(200);
      const mine = await get(`${ns}.counters`, members[0].headers, { roomId: room._id }).expect(200);
      expect(mine.body).toEqual(
        expect.objectContaining({
          success: true,
          joined: true,
          members: 2,
          unreads: 1,
          msgs: expect.any(Number),
          latest: expect.any(String),
          unreadsFrom: expect.any(String),
        }),
      );
      await eventually(async () => {
        const res = await get(`${ns}.counters`, members[0].headers, { roomId: room._id }).expect(200);
        expect(res.body.userMentions).toBe(1);
      });
      const byAdmin = await get(`${ns}.counters`, await adminHeaders(), {
        roomId: room._id,
        userId: members[0].user._id,
      }).expect(200);
      expect(byAdmin.body.joined).toBe(true);
    });

    it("refuses another user's counters without view-room-administration, and a missing room", async () => {
      const { room, owner, members } = await roomWithMembers(k, 1);
      expect(
        (await get(`${ns}.counters`, members[0].headers, { roomId: room._id, userId: owner.user._id }).expect(403))
          .body,
      ).toEqual({ success: false, error: 'unauthorized' });
      expect((await get(`${ns}.counters`, owner.headers).expect(400)).body).toEqual(missing);
    });
  });
}
