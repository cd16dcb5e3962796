import { INestApplicationContext } from '@nestjs/common';
import { AuthUser } from '@app/contracts';
import { RcError } from '@app/envelope';
import { contextModule } from '../../../../test/int/context-module';
import { AuthModule } from '../auth/auth.module';
import { AuthorizationModule } from '../authorization/authorization.module';
import { SettingsModule } from '../settings/settings.module';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UsersService } from '../users/users.service';
import { DirectMessagesService } from './direct-messages.service';
import { RoomsModule } from './rooms.module';
import { RoomsRepository } from './rooms.repository';

let n = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++n}`;

describe(DirectMessagesService.name, () => {
  let app: INestApplicationContext;
  let sut: DirectMessagesService;
  let users: UsersService;
  let rooms: RoomsRepository;
  let subscriptions: SubscriptionsRepository;

  const caller = (u: { _id: string; username?: string; roles: string[] }): AuthUser => ({
    _id: u._id,
    username: u.username ?? '',
    roles: u.roles,
    type: 'user',
    active: true,
    hashedToken: 'x',
  });

  async function newUser(roles = ['user']) {
    const username = unique('dm');
    return users.insert({ username, name: username, roles, joinDefaultChannels: false });
  }

  beforeAll(async () => {
    app = await contextModule([SettingsModule, AuthorizationModule, AuthModule, RoomsModule]);
    sut = app.get(DirectMessagesService);
    users = app.get(UsersService);
    rooms = app.get(RoomsRepository);
    subscriptions = app.get(SubscriptionsRepository);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('both sides creating the DM at once make one room (both user ids, sorted) with one subscription each', async () => {
    const [a, b] = [await newUser(), await newUser()];
    const [one, two] = await Promise.all([
      sut.createDirect(caller(a), [b.username!]),
      sut.createDirect(caller(b), [a.username!]),
    ]);
    const rid = [a._id, b._id].sort().join('');
    expect([one._id, two._id]).toEqual([rid, rid]);
    expect(await rooms.count({ _id: rid })).toBe(1);
    const subs = await subscriptions.find({ rid }, { sort: { 'u.username': 1 } });
    expect(subs.map((s) => s.u._id).sort()).toEqual([a._id, b._id].sort());
    // each side sees the other's name, and both opened it
    expect(subs.find((s) => s.u._id === a._id)).toEqual(expect.objectContaining({ name: b.username, open: true }));
    expect(subs.find((s) => s.u._id === b._id)).toEqual(expect.objectContaining({ name: a.username, open: true }));
  });

  it('the other side of a new one-to-one DM sees it once a message arrives; a group DM opens for everyone', async () => {
    const [a, b, c] = [await newUser(), await newUser(), await newUser()];
    const dm = await sut.createDirect(caller(a), [b.username!]);
    expect((await subscriptions.findByRoomAndUser(dm._id, b._id))?.open).toBe(false);
    const group = await sut.createDirect(caller(a), [b.username!, c.username!]);
    expect((await subscriptions.findByRoomAndUser(group._id, c._id))?.open).toBe(true);
    expect((await subscriptions.findByRoomAndUser(group._id, c._id))?.name).toBe(
      [a.username, b.username].sort().join(', '),
    );
  });

  it('refuses what Rocket.Chat refuses: unknown users, no create-d, a DM without the caller and one other', async () => {
    const [a, b] = [await newUser(), await newUser()];
    const refusal = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (err) {
        return (err as RcError).payload?.errorType;
      }
      return 'accepted';
    };
    expect(await refusal(sut.createDirect(caller(a), [unique('ghost')]))).toBe('error-invalid-user');
    expect(await refusal(sut.createDirect(caller({ ...a, roles: ['guest'] }), [b.username!]))).toBe(
      'error-not-allowed',
    );
    expect(await refusal(sut.createDirect(caller(a), [b.username!], true))).toBe('error-invalid-user');
    expect(await sut.directRoomFor(caller(a), unique('nobody'))).toBeNull();
  });
});
