import { INestApplicationContext } from '@nestjs/common';
import { AuthUser, CHANNEL_KIND, GROUP_KIND } from '@app/contracts';
import { RcError } from '@app/envelope';
import { contextModule } from '../../../../test/int/context-module';
import { AuthModule } from '../auth/auth.module';
import { AuthorizationModule } from '../authorization/authorization.module';
import { SettingsModule } from '../settings/settings.module';
import { SettingsService } from '../settings/settings.service';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UsersService } from '../users/users.service';
import { UserLifecycleService } from '../users/admin/user-lifecycle.service';
import { MembershipService } from './membership.service';
import { RoomRolesService } from './room-roles.service';
import { RoomSettingsService } from './room-settings.service';
import { RoomsModule } from './rooms.module';
import { RoomsRepository } from './rooms.repository';
import { RoomsService } from './rooms.service';

let n = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++n}`;

async function refusal(p: Promise<unknown>): Promise<{ errorType?: string; kind: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof RcError) {
      return err.payload;
    }
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('rooms context (middle tier: RoomsModule + users, no other app)', () => {
  let app: INestApplicationContext;
  let sut: RoomsService;
  let users: UsersService;
  let subscriptions: SubscriptionsRepository;
  let rooms: RoomsRepository;

  const caller = (u: { _id: string; username?: string; roles: string[] }): AuthUser => ({
    _id: u._id,
    username: u.username ?? '',
    roles: u.roles,
    type: 'user',
    active: true,
    hashedToken: 'x',
  });

  async function newUser(roles = ['user']) {
    const username = unique('u');
    return users.insert({ username, name: username, roles, joinDefaultChannels: true });
  }

  beforeAll(async () => {
    app = await contextModule([SettingsModule, AuthorizationModule, AuthModule, RoomsModule]);
    sut = app.get(RoomsService);
    users = app.get(UsersService);
    subscriptions = app.get(SubscriptionsRepository);
    rooms = app.get(RoomsRepository);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('creates a channel: the creator owns it, members join, names are checked and unique', async () => {
    const owner = await newUser();
    const member = await newUser();
    const name = unique('room');
    const { channel } = await sut.create(CHANNEL_KIND, {
      caller: caller(owner),
      name,
      members: [member.username!],
      readOnly: true,
    });
    expect(channel).toMatchObject({ t: 'c', name, fname: name, ro: true, usersCount: 2, u: { _id: owner._id } });
    const ownerSub = await subscriptions.findByRoomAndUser(channel!._id, owner._id);
    expect(ownerSub).toMatchObject({ roles: ['owner'], open: true, unread: 0, t: 'c', name });
    expect(await subscriptions.findByRoomAndUser(channel!._id, member._id)).toMatchObject({ name });

    expect(await refusal(sut.create(CHANNEL_KIND, { caller: caller(owner), name }))).toMatchObject({
      errorType: 'error-duplicate-channel-name',
    });
    expect(await refusal(sut.create(CHANNEL_KIND, { caller: caller(owner), name: name.toUpperCase() }))).toMatchObject({
      errorType: 'error-duplicate-channel-name',
    });
    expect(await refusal(sut.create(CHANNEL_KIND, { caller: caller(owner), name: 'bad name#' }))).toMatchObject({
      errorType: 'error-invalid-room-name',
    });
    const guest = await newUser(['guest']);
    expect(await refusal(sut.create(CHANNEL_KIND, { caller: caller(guest), name: unique('g') }))).toMatchObject({
      kind: 'forbidden',
    });
  });

  it('adds a subscription once however often it is asked, counting the member once', async () => {
    const owner = await newUser();
    const other = await newUser();
    const { channel } = await sut.create(CHANNEL_KIND, { caller: caller(owner), name: unique('once') });
    const membership = app.get(MembershipService);
    const room = { _id: channel!._id, t: 'c' as const, name: channel!.name };
    expect(await membership.subscribe(room, other)).toBe(true);
    expect(await membership.subscribe(room, other)).toBe(false);
    expect((await rooms.findById(channel!._id))?.usersCount).toBe(2);
  });

  it('a new user joins the default channels (UserEvents.Created, handled by this context)', async () => {
    const owner = await newUser();
    const { channel } = await sut.create(CHANNEL_KIND, { caller: caller(owner), name: unique('default') });
    await rooms.updateOne({ _id: channel!._id }, { $set: { default: true } });
    const joiner = await newUser();
    expect(await subscriptions.findByRoomAndUser(channel!._id, joiner._id)).toMatchObject({ rid: channel!._id });
    await rooms.updateOne({ _id: channel!._id }, { $set: { default: false } });
  });

  it('the last owner of a room cannot be deleted without confirmRelinquish; with it, the room gets a new owner', async () => {
    const owner = await newUser();
    const member = await newUser();
    const admin = await newUser(['admin']);
    const name = unique('owned');
    const { channel } = await sut.create(CHANNEL_KIND, { caller: caller(owner), name, members: [member.username!] });
    const lifecycle = app.get(UserLifecycleService);
    expect(await refusal(lifecycle.delete({ caller: caller(admin), body: { userId: owner._id } }))).toMatchObject({
      errorType: 'user-last-owner',
    });
    await lifecycle.delete({ caller: caller(admin), body: { userId: owner._id, confirmRelinquish: true } });
    expect(await subscriptions.findByRoomAndUser(channel!._id, member._id)).toMatchObject({ roles: ['owner'] });
    expect(await subscriptions.findByRoomAndUser(channel!._id, owner._id)).toBeNull();
  });
  it('checks names against UTF8_Channel_Names_Validation, as set by the administrator', async () => {
    const owner = await newUser();
    const settings = app.get(SettingsService);
    expect(await refusal(sut.create(CHANNEL_KIND, { caller: caller(owner), name: 'café' }))).toMatchObject({
      errorType: 'error-invalid-room-name',
    });
    await settings.set('UTF8_Channel_Names_Validation', '[0-9a-zA-Z-_.\\u00C0-\\u017F]+');
    try {
      const name = `café-${unique('x')}`;
      const { channel } = await sut.create(CHANNEL_KIND, { caller: caller(owner), name });
      expect(channel).toMatchObject({ name });
      expect(await refusal(sut.create(CHANNEL_KIND, { caller: caller(owner), name: 'a b' }))).toMatchObject({
        errorType: 'error-invalid-room-name',
      });
    } finally {
      await settings.set('UTF8_Channel_Names_Validation', '[0-9a-zA-Z-_.]+');
    }
    const roomSettings = app.get(RoomSettingsService);
    const { channel } = await sut.create(CHANNEL_KIND, { caller: caller(owner), name: unique('ren') });
    expect(
      await refusal(roomSettings.rename(CHANNEL_KIND, { caller: caller(owner), roomId: channel!._id, name: 'no way' })),
    ).toMatchObject({ errorType: 'error-invalid-room-name' });
  });

  it('room roles are room-scoped: an owner of one room has no power in another; the last owner stays', async () => {
    const alice = await newUser();
    const bob = await newUser();
    const carol = await newUser();
    const roles = app.get(RoomRolesService);
    const { group: a } = await sut.create(GROUP_KIND, {
      caller: caller(alice),
      name: unique('a'),
      members: [bob.username!, carol.username!],
    });
    const { group: b } = await sut.create(GROUP_KIND, {
      caller: caller(bob),
      name: unique('b'),
      members: [alice.username!, carol.username!],
    });
    await roles.change(GROUP_KIND, 'moderator', true, { caller: caller(alice), roomId: a!._id, userId: carol._id });
    expect(await subscriptions.findByRoomAndUser(a!._id, carol._id)).toMatchObject({ roles: ['moderator'] });
    // alice owns room a, not room b
    expect(
      await refusal(
        roles.change(GROUP_KIND, 'moderator', true, { caller: caller(alice), roomId: b!._id, userId: carol._id }),
      ),
    ).toMatchObject({ errorType: 'error-not-allowed' });
    // a moderator may not name owners
    expect(
      await refusal(
        roles.change(GROUP_KIND, 'owner', true, { caller: caller(carol), roomId: a!._id, userId: carol._id }),
      ),
    ).toMatchObject({ errorType: 'error-not-allowed' });
    expect(
      await refusal(
        roles.change(GROUP_KIND, 'owner', false, { caller: caller(alice), roomId: a!._id, userId: alice._id }),
      ),
    ).toMatchObject({ errorType: 'error-remove-last-owner' });
    const membership = app.get(MembershipService);
    expect(await refusal(membership.leave(GROUP_KIND, { caller: caller(alice), roomId: a!._id }))).toMatchObject({
      errorType: 'error-you-are-last-owner',
    });
    await roles.change(GROUP_KIND, 'owner', true, { caller: caller(alice), roomId: a!._id, userId: bob._id });
    await membership.leave(GROUP_KIND, { caller: caller(alice), roomId: a!._id });
    expect(await subscriptions.findByRoomAndUser(a!._id, alice._id)).toBeNull();
    expect(await rooms.findById(a!._id)).toMatchObject({ usersCount: 2 });
  });

  it('subscriptions follow the room: rename, setType, archive, kick and delete', async () => {
    const owner = await newUser(['user', 'admin']);
    const member = await newUser();
    const roomSettings = app.get(RoomSettingsService);
    const membership = app.get(MembershipService);
    const { channel } = await sut.create(CHANNEL_KIND, {
      caller: caller(owner),
      name: unique('follow'),
      members: [member.username!],
    });
    const rid = channel!._id;
    const renamed = unique('renamed');
    await roomSettings.rename(CHANNEL_KIND, { caller: caller(owner), roomId: rid, name: renamed });
    expect(await subscriptions.findByRoomAndUser(rid, member._id)).toMatchObject({ name: renamed, fname: renamed });

    await roomSettings.setType(CHANNEL_KIND, { caller: caller(owner), roomId: rid, type: 'p' });
    expect(await rooms.findById(rid)).toMatchObject({ t: 'p' });
    expect(await subscriptions.findByRoomAndUser(rid, member._id)).toMatchObject({ t: 'p' });
    // now a group: the channel namespace no longer finds it
    expect(await refusal(sut.info(CHANNEL_KIND, { caller: caller(owner), roomId: rid }))).toMatchObject({
      errorType: 'error-room-not-found',
    });

    await roomSettings.archive(GROUP_KIND, { caller: caller(owner), roomId: rid });
    expect(await subscriptions.findByRoomAndUser(rid, member._id)).toMatchObject({ archived: true, open: false });
    await roomSettings.unarchive(GROUP_KIND, { caller: caller(owner), roomId: rid });
    expect(await subscriptions.findByRoomAndUser(rid, member._id)).toMatchObject({ archived: false, open: true });

    await membership.kick(GROUP_KIND, { caller: caller(owner), roomId: rid, userId: member._id });
    expect(await subscriptions.findByRoomAndUser(rid, member._id)).toBeNull();
    expect(await rooms.findById(rid)).toMatchObject({ usersCount: 1 });

    await roomSettings.delete(GROUP_KIND, { caller: caller(owner), roomId: rid });
    expect(await rooms.findById(rid)).toBeNull();
    expect(await subscriptions.count({ rid })).toBe(0);
  });
});
