import { INestApplicationContext } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_ENV, UsersRoomsEnv } from '@app/config';
import { AuthUser, CHANNEL_KIND, IRoom, ISubscription, MessageSentEvent } from '@app/contracts';
import { REDIS_CLIENT } from '@app/transport';
import { contextModule } from '../../../../test/int/context-module';
import { AuthModule } from '../auth/auth.module';
import { AuthorizationModule } from '../authorization/authorization.module';
import { SettingsModule } from '../settings/settings.module';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UsersService } from '../users/users.service';
import { DirectMessagesService } from './direct-messages.service';
import { RoomActivityService } from './room-activity.service';
import { RoomsModule } from './rooms.module';
import { RoomsRepository } from './rooms.repository';
import { RoomsService } from './rooms.service';

let n = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++n}`;

describe(RoomActivityService.name, () => {
  let app: INestApplicationContext;
  let sut: RoomActivityService;
  let users: UsersService;
  let rooms: RoomsRepository;
  let subscriptions: SubscriptionsRepository;

  const caller = (u: { _id: string; username?: string }): AuthUser => ({
    _id: u._id,
    username: u.username ?? '',
    roles: ['user'],
    type: 'user',
    active: true,
    hashedToken: 'x',
  });

  async function newUser() {
    const username = unique('ra');
    const u = await users.insert({ username, name: username, roles: ['user'], joinDefaultChannels: false });
    return { _id: u._id, username };
  }

  /** A channel of `owner` with `members`, and a DM between `owner` and the first member. */
  async function roomsOf(owner: { _id: string; username: string }, members: { username: string }[]) {
    const { channel } = await app.get(RoomsService).create(CHANNEL_KIND, {
      caller: caller(owner),
      name: unique('ra-room'),
      members: members.map((m) => m.username),
    });
    const dm = await app.get(DirectMessagesService).createDirect(caller(owner), [members[0].username]);
    return { cid: channel!._id, did: dm._id };
  }

  let at = Date.parse('2026-12-07T12:00:00.000Z');
  function sent(rid: string, from: { _id: string; username: string }, more: Partial<MessageSentEvent> = {}) {
    const messageId = unique('m');
    const ts = new Date((at += 1000)).toISOString();
    return {
      rid,
      messageId,
      ts,
      userId: from._id,
      message: { _id: messageId, msg: `hello ${messageId}`, u: { _id: from._id, username: from.username }, rid },
      mentionedUserIds: [],
      hasGroupMention: false,
      ...more,
    } satisfies MessageSentEvent;
  }

  const room = (rid: string) => rooms.findById<IRoom>(rid);
  const sub = async (rid: string, userId: string) => (await subscriptions.findByRoomAndUser(rid, userId))!;
  const counts = (s: ISubscription) => ({ unread: s.unread, userMentions: s.userMentions, alert: s.alert });

  beforeAll(async () => {
    app = await contextModule([SettingsModule, AuthorizationModule, AuthModule, RoomsModule]);
    sut = app.get(RoomActivityService);
    users = app.get(UsersService);
    rooms = app.get(RoomsRepository);
    subscriptions = app.get(SubscriptionsRepository);
  });

  afterAll(async () => {
    await app?.close();
  });

  afterEach(() => jest.restoreAllMocks());

  it('writes the events of one turn together: one bulk write per collection, the same state as one by one', async () => {
    const [a, b, c] = [await newUser(), await newUser(), await newUser()];
    const { cid, did } = await roomsOf(a, [b, c]);
    // the rooms are written first: a subscription never shows a message its room's `lm` does not reach yet
    const [writeRooms, writeSubs] = [rooms.bulkWrite.bind(rooms), subscriptions.bulkWrite.bind(subscriptions)];
    let roomsWritten = false;
    let roomsWrittenBeforeSubs = false;
    const roomWrites = jest.spyOn(rooms, 'bulkWrite').mockImplementation(async (...args) => {
      const upserted = await writeRooms(...args);
      roomsWritten = true;
      return upserted;
    });
    const subWrites = jest.spyOn(subscriptions, 'bulkWrite').mockImplementation((...args) => {
      roomsWrittenBeforeSubs = roomsWritten;
      return writeSubs(...args);
    });
    const plain = sent(cid, a, { roomType: 'c' });
    const mention = sent(cid, b, { roomType: 'c', mentionedUserIds: [c._id] });
    const direct = sent(did, a, { roomType: 'd' });
    await Promise.all([sut.onMessageSent(plain), sut.onMessageSent(mention), sut.onMessageSent(direct)]);
    expect(roomWrites).toHaveBeenCalledTimes(1);
    expect(subWrites).toHaveBeenCalledTimes(1);

    // the room counts both messages and shows the later one
    expect(await room(cid)).toMatchObject({
      msgs: 2,
      lm: new Date(mention.ts),
      lastMessage: { _id: mention.messageId, msg: mention.message.msg, ts: new Date(mention.ts) },
    });
    expect((await room(did))?.msgs).toBe(1);
    expect(roomsWrittenBeforeSubs).toBe(true);
    // channels count mentions only (Unread_Count), DMs every message (Unread_Count_DM)
    expect(counts(await sub(cid, c._id))).toEqual({ unread: 1, userMentions: 1, alert: true });
    expect(counts(await sub(cid, b._id))).toEqual({ unread: 0, userMentions: 0, alert: true });
    expect(counts(await sub(did, b._id))).toEqual({ unread: 1, userMentions: 0, alert: true });
    // a sender has read the room up to its own message
    expect((await sub(cid, b._id)).ls).toEqual(new Date(mention.ts));
    expect((await sub(did, a._id)).ls).toEqual(new Date(direct.ts));
  });

  it('counts a message once: twice in one batch, or delivered again later', async () => {
    const [a, b] = [await newUser(), await newUser()];
    const { did } = await roomsOf(a, [b]);
    const e = sent(did, a, { roomType: 'd' });
    await Promise.all([sut.onMessageSent(e), sut.onMessageSent(e)]);
    await sut.onMessageSent(e);
    expect((await room(did))?.msgs).toBe(1);
    expect((await sub(did, b._id)).unread).toBe(1);
    // the handled id is remembered under the deployment's Redis prefix
    const prefix = app.get<UsersRoomsEnv>(APP_ENV).RC_REDIS_PREFIX;
    expect(await app.get<Redis>(REDIS_CLIENT).exists(`${prefix}:msg-sent:${e.messageId}`)).toBe(1);
  });

  it('a batch whose write fails is written when its events are delivered again', async () => {
    const [a, b] = [await newUser(), await newUser()];
    const { did } = await roomsOf(a, [b]);
    const e = sent(did, a, { roomType: 'd' });
    jest.spyOn(subscriptions, 'bulkWrite').mockRejectedValueOnce(new Error('connection 3 to 127.0.0.1 closed'));
    await expect(sut.onMessageSent(e)).rejects.toThrow('connection 3 to 127.0.0.1 closed');
    expect((await sub(did, b._id)).unread).toBe(0);
    await sut.onMessageSent(e);
    expect((await sub(did, b._id)).unread).toBe(1);
    await sut.onMessageSent(e);
    expect((await sub(did, b._id)).unread).toBe(1);
  });

  it('reads the type of a room an event does not name, and changes nothing for a room that is gone', async () => {
    const [a, b] = [await newUser(), await newUser()];
    const { did } = await roomsOf(a, [b]);
    await Promise.all([sut.onMessageSent(sent(did, a)), sut.onMessageSent(sent(unique('gone'), a))]);
    // the DM rule applied (every message unread), so the type was read
    expect((await sub(did, b._id)).unread).toBe(1);
    expect((await room(did))?.msgs).toBe(1);
  });

  it('a thread reply counts in the room without becoming its last message; its followers have it unread', async () => {
    const [a, b, c] = [await newUser(), await newUser(), await newUser()];
    const { cid } = await roomsOf(a, [b, c]);
    const parent = sent(cid, a, { roomType: 'c' });
    await sut.onMessageSent(parent);
    const reply = sent(cid, b, { roomType: 'c', tmid: parent.messageId, threadFollowers: [a._id, b._id] });
    const shown = sent(cid, c, { roomType: 'c', tmid: parent.messageId, tshow: true, threadFollowers: [a._id] });
    await Promise.all([sut.onMessageSent(reply), sut.onMessageSent(shown)]);
    expect(await room(cid)).toMatchObject({ msgs: 3, lastMessage: { _id: shown.messageId } });
    expect((await sub(cid, a._id)).tunread).toEqual([parent.messageId]);
    expect((await sub(cid, b._id)).tunread ?? []).toEqual([]);
  });

  it('an event that cannot be written fails alone; the others of its batch are written', async () => {
    const [a, b] = [await newUser(), await newUser()];
    const { did } = await roomsOf(a, [b]);
    const good = sent(did, a, { roomType: 'd' });
    const bad = { ...sent(did, a, { roomType: 'd' }), ts: 'not a date' };
    const [ok, failed] = await Promise.allSettled([sut.onMessageSent(good), sut.onMessageSent(bad)]);
    expect(ok.status).toBe('fulfilled');
    expect(failed).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('no valid ts') } });
    expect((await room(did))?.msgs).toBe(1);
  });
});
