import { INestApplicationContext } from '@nestjs/common';
import { AuthUser } from '@app/contracts';
import { RcError } from '@app/envelope';
import { contextModule } from '../../../../test/int/context-module';
import { AuthModule } from '../auth/auth.module';
import { AuthorizationModule } from '../authorization/authorization.module';
import { SettingsModule } from '../settings/settings.module';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UsersService } from '../users/users.service';
import { UserLifecycleService } from '../users/admin/user-lifecycle.service';
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

describe('rooms context (middle tier: RoomsModule + users, no transport)', () => {
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
    const { channel } = await sut.createChannel({
      caller: caller(owner),
      name,
      members: [member.username!],
      readOnly: true,
    });
    expect(channel).toMatchObject({ t: 'c', name, fname: name, ro: true, usersCount: 2, u: { _id: owner._id } });
    const ownerSub = await subscriptions.findByRoomAndUser(channel._id, owner._id);
    expect(ownerSub).toMatchObject({ roles: ['owner'], open: true, unread: 0, t: 'c', name });
    expect(await subscriptions.findByRoomAndUser(channel._id, member._id)).toMatchObject({ name });

    expect(await refusal(sut.createChannel({ caller: caller(owner), name }))).toMatchObject({
      errorType: 'error-duplicate-channel-name',
    });
    expect(await refusal(sut.createChannel({ caller: caller(owner), name: name.toUpperCase() }))).toMatchObject({
      errorType: 'error-duplicate-channel-name',
    });
    expect(await refusal(sut.createChannel({ caller: caller(owner), name: 'bad name#' }))).toMatchObject({
      errorType: 'error-invalid-room-name',
    });
    const guest = await newUser(['guest']);
    expect(await refusal(sut.createChannel({ caller: caller(guest), name: unique('g') }))).toMatchObject({
      kind: 'forbidden',
    });
  });

  it('adds a subscription once however often it is asked, counting the member once', async () => {
    const owner = await newUser();
    const other = await newUser();
    const { channel } = await sut.createChannel({ caller: caller(owner), name: unique('once') });
    const ref = { _id: channel._id, t: 'c' as const, name: channel.name };
    expect(await sut.addSubscription(ref, other)).toBe(true);
    expect(await sut.addSubscription(ref, other)).toBe(false);
    expect((await rooms.findById(channel._id))?.usersCount).toBe(2);
  });

  it('a new user joins the default channels (UserEvents.Created, handled by this context)', async () => {
    const owner = await newUser();
    const { channel } = await sut.createChannel({ caller: caller(owner), name: unique('default') });
    await rooms.updateOne({ _id: channel._id }, { $set: { default: true } });
    const joiner = await newUser();
    expect(await subscriptions.findByRoomAndUser(channel._id, joiner._id)).toMatchObject({ rid: channel._id });
    await rooms.updateOne({ _id: channel._id }, { $set: { default: false } });
  });

  it('the last owner of a room cannot be deleted without confirmRelinquish; with it, the room gets a new owner', async () => {
    const owner = await newUser();
    const member = await newUser();
    const admin = await newUser(['admin']);
    const name = unique('owned');
    const { channel } = await sut.createChannel({ caller: caller(owner), name, members: [member.username!] });
    const lifecycle = app.get(UserLifecycleService);
    expect(await refusal(lifecycle.delete({ caller: caller(admin), body: { userId: owner._id } }))).toMatchObject({
      errorType: 'user-last-owner',
    });
    await lifecycle.delete({ caller: caller(admin), body: { userId: owner._id, confirmRelinquish: true } });
    expect(await subscriptions.findByRoomAndUser(channel._id, member._id)).toMatchObject({ roles: ['owner'] });
    expect(await subscriptions.findByRoomAndUser(channel._id, owner._id)).toBeNull();
  });
});
