/**
 * Invite links: findOrCreateInvite (create-invite-links in the room; days and maxUses from Rocket.Chat's lists;
 * the same settings give the same link back), listInvites, removeInvite/:_id, useInviteToken (joins the room,
 * counts a use) and validateInviteToken (no login). Expiry and use counts refuse a token as Rocket.Chat does.
 */
import { MongoClient } from 'mongodb';
import { adminHeaders, get, NOT_LOGGED_IN, post, request } from './helpers/api';
import { directPair } from './helpers/direct';
import { CHANNELS, createRoom, GROUPS, member, roomWithMembers } from './helpers/rooms';
import { withSettings } from './helpers/settings';
import { readState } from './helpers/state';

const NOT_AUTHORIZED = { success: false, error: '[not_authorized]', errorType: 'not_authorized' };

async function expireInvite(id: string): Promise<void> {
  const mongo = await MongoClient.connect(readState().mongoUrl);
  try {
    await mongo
      .db()
      .collection<{ _id: string }>('rocketchat_invites')
      .updateOne({ _id: id }, { $set: { expires: new Date(Date.now() - 60_000) } });
  } finally {
    await mongo.close();
  }
}

const validate = async (token: string) =>
  (await request().post('/api/v1/validateInviteToken').send({ token }).expect(200)).body;

describe('POST /api/v1/findOrCreateInvite', () => {
  it('an owner makes a link that expires after days and maxUses; the same settings give it back', async () => {
    const { room, owner } = await roomWithMembers(GROUPS, 0);
    const res = await post('findOrCreateInvite', owner.headers, { rid: room._id, days: 7, maxUses: 5 }).expect(200);
    const invite = res.body;
    expect(invite).toEqual(
      expect.objectContaining({
        _id: expect.stringMatching(/^[\w]{6}$/),
        rid: room._id,
        userId: owner.user._id,
        days: 7,
        maxUses: 5,
        uses: 0,
        createdAt: expect.any(String),
        success: true,
      }),
    );
    const days = (new Date(invite.expires).getTime() - new Date(invite.createdAt).getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    expect(invite.url).toBe(
      `https://go.rocket.chat/invite?host=localhost%3A3000&path=${encodeURIComponent(`invite/${invite._id}`)}`,
    );
    const again = await post('findOrCreateInvite', owner.headers, { rid: room._id, days: 7, maxUses: 5 }).expect(200);
    expect(again.body._id).toBe(invite._id);
    const forever = await post('findOrCreateInvite', owner.headers, { rid: room._id, days: 0, maxUses: 0 }).expect(200);
    expect(forever.body).toEqual(expect.objectContaining({ expires: null, maxUses: 0 }));
    expect(forever.body._id).not.toBe(invite._id);
    await withSettings({ Accounts_Registration_InviteUrlType: 'direct' }, async () => {
      const direct = await post('findOrCreateInvite', owner.headers, { rid: room._id, days: 0, maxUses: 0 });
      expect(direct.body.url).toBe(`http://localhost:3000/invite/${forever.body._id}`);
    });
  });

  it('refuses a member without create-invite-links, a room the caller is not in, and other lists', async () => {
    const { room, members } = await roomWithMembers(CHANNELS, 1);
    const plain = await post('findOrCreateInvite', members[0].headers, { rid: room._id, days: 1, maxUses: 0 });
    expect(plain.status).toBe(400);
    expect(plain.body).toEqual(NOT_AUTHORIZED);
    const admin = await adminHeaders();
    const notIn = await post('findOrCreateInvite', admin, { rid: room._id, days: 1, maxUses: 0 }).expect(400);
    expect(notIn.body).toEqual(expect.objectContaining({ errorType: 'error-invalid-room' }));
    const mine = await createRoom(CHANNELS, admin);
    const days = await post('findOrCreateInvite', admin, { rid: mine._id, days: 3, maxUses: 0 }).expect(400);
    expect(days.body.errorType).toBe('invalid-number-of-days');
    const uses = await post('findOrCreateInvite', admin, { rid: mine._id, days: 1, maxUses: 2 }).expect(400);
    expect(uses.body.errorType).toBe('invalid-number-of-uses');
    expect((await post('findOrCreateInvite', admin, { rid: mine._id }).expect(400)).body.errorType).toBe(
      'invalid-params',
    );
    const { a, room: dm } = await directPair();
    await post('im.create', admin, { username: a.user.username }).expect(200);
    const adminDm = (await post('im.create', admin, { username: a.user.username })).body.room._id;
    expect(dm._id).not.toBe(adminDm);
    const direct = await post('findOrCreateInvite', admin, { rid: adminDm, days: 1, maxUses: 0 }).expect(400);
    expect(direct.body.errorType).toBe('error-room-type-not-allowed');
    expect((await post('findOrCreateInvite', {}, { rid: mine._id, days: 1, maxUses: 0 }).expect(401)).body).toEqual(
      NOT_LOGGED_IN,
    );
  });
});

describe('GET /api/v1/listInvites and DELETE /api/v1/removeInvite/:_id', () => {
  it('an administrator lists every invite (a bare array) and removes one (a bare true)', async () => {
    const admin = await adminHeaders();
    const room = await createRoom(GROUPS, admin);
    const invite = (await post('findOrCreateInvite', admin, { rid: room._id, days: 1, maxUses: 1 }).expect(200)).body;
    const list = await get('listInvites', admin).expect(200);
    expect(Array.isArray(list.body)).toBe(true);
    expect(list.body).toEqual(expect.arrayContaining([expect.objectContaining({ _id: invite._id, rid: room._id })]));
    const removed = await request()
      .delete(`/api/v1/removeInvite/${invite._id}`)
      .set({ ...admin })
      .expect(200);
    expect(removed.headers['content-type']).toMatch(/^application\/json/);
    expect(removed.text).toBe('true');
    const again = await request()
      .delete(`/api/v1/removeInvite/${invite._id}`)
      .set({ ...admin })
      .expect(400);
    expect(again.body).toEqual(expect.objectContaining({ errorType: 'invalid-invitation-id' }));
    expect((await validate(invite._id)).valid).toBe(false);
  });

  it('refuses callers without create-invite-links (an owner holds it in its rooms only) and unknown keys', async () => {
    const { room, owner } = await roomWithMembers(GROUPS, 0);
    const invite = (await post('findOrCreateInvite', owner.headers, { rid: room._id, days: 1, maxUses: 0 })).body;
    expect((await get('listInvites', owner.headers).expect(400)).body).toEqual(NOT_AUTHORIZED);
    const remove = await request()
      .delete(`/api/v1/removeInvite/${invite._id}`)
      .set({ ...owner.headers })
      .expect(400);
    expect(remove.body).toEqual(NOT_AUTHORIZED);
    expect((await get('listInvites', await adminHeaders(), { x: '1' }).expect(400)).body.errorType).toBe(
      'invalid-params',
    );
  });
});

describe('POST /api/v1/useInviteToken and validateInviteToken', () => {
  it('a new user joins the room with the token; a use is counted once', async () => {
    const { room, owner } = await roomWithMembers(GROUPS, 0);
    const invite = (await post('findOrCreateInvite', owner.headers, { rid: room._id, days: 1, maxUses: 5 })).body;
    expect(await validate(invite._id)).toEqual({ valid: true, success: true });
    const guest = await member();
    const used = await post('useInviteToken', guest.headers, { token: invite._id }).expect(200);
    expect(used.body).toEqual({
      room: { rid: room._id, fname: room.name, name: room.name, t: 'p' },
      success: true,
    });
    await get('groups.info', guest.headers, { roomId: room._id }).expect(200);
    await post('useInviteToken', guest.headers, { token: invite._id }).expect(200);
    const listed = (await get('listInvites', await adminHeaders())).body as { _id: string; uses: number }[];
    expect(listed.find((i) => i._id === invite._id)?.uses).toBe(1);
  });

  it('a used-up or expired token is refused (and not valid); an unknown one too', async () => {
    const { room, owner } = await roomWithMembers(CHANNELS, 0);
    const once = (await post('findOrCreateInvite', owner.headers, { rid: room._id, days: 1, maxUses: 1 })).body;
    const [first, second] = [await member(), await member()];
    await post('useInviteToken', first.headers, { token: once._id }).expect(200);
    const usedUp = await post('useInviteToken', second.headers, { token: once._id }).expect(400);
    expect(usedUp.body).toEqual(
      expect.objectContaining({
        errorType: 'error-invite-expired',
        details: expect.objectContaining({ field: 'maxUses' }),
      }),
    );
    expect((await validate(once._id)).valid).toBe(false);
    // a used-up invite is not given back: the same settings make a new one
    const fresh = (await post('findOrCreateInvite', owner.headers, { rid: room._id, days: 1, maxUses: 1 })).body;
    expect(fresh._id).not.toBe(once._id);
    await expireInvite(fresh._id);
    const late = await post('useInviteToken', second.headers, { token: fresh._id }).expect(400);
    expect(late.body).toEqual(
      expect.objectContaining({
        errorType: 'error-invite-expired',
        details: expect.objectContaining({ field: 'expires' }),
      }),
    );
    expect((await validate(fresh._id)).valid).toBe(false);
    const unknown = await post('useInviteToken', second.headers, { token: 'nope00' }).expect(400);
    expect(unknown.body.errorType).toBe('error-invalid-token');
    expect((await validate('nope00')).valid).toBe(false);
  });

  it('refuses bodies without a token, and useInviteToken without login', async () => {
    const m = await member();
    expect((await post('useInviteToken', m.headers, {}).expect(400)).body.errorType).toBe('invalid-params');
    const noToken = await request().post('/api/v1/validateInviteToken').send({}).expect(400);
    expect(noToken.body.errorType).toBe('invalid-params');
    await post('useInviteToken', {}, { token: 'abcdef' }).expect(401);
  });
});
