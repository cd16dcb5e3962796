import { INestApplicationContext } from '@nestjs/common';
import { contextModule } from '../../../../test/int/context-module';
import { AuthModule } from '../auth/auth.module';
import { AuthorizationModule } from '../authorization/authorization.module';
import { SettingsModule } from '../settings/settings.module';
import { SUBSCRIPTIONS_COLLECTION, SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { TrashRepository } from './trash.repository';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';

const sub = (id: string, rid: string, userId: string) => ({
  _id: id,
  rid,
  t: 'p',
  name: rid,
  u: { _id: userId, username: userId },
  open: true,
  alert: false,
  unread: 0,
  userMentions: 0,
  groupMentions: 0,
  ts: new Date(),
  _updatedAt: new Date(),
});

describe(TrashRepository.name, () => {
  let app: INestApplicationContext;
  let subscriptions: SubscriptionsRepository;
  let sut: TrashRepository;

  beforeAll(async () => {
    app = await contextModule([SettingsModule, AuthorizationModule, AuthModule, SubscriptionsModule]);
    subscriptions = app.get(SubscriptionsRepository);
    sut = app.get(TrashRepository);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('remembers what a repository removes, with the time, as Rocket.Chat keeps removals', async () => {
    const before = new Date(Date.now() - 1);
    const key = Date.now().toString(36);
    await subscriptions.insert(sub(`a${key}`, `r${key}`, 'u1'));
    await subscriptions.insert(sub(`b${key}`, `r${key}`, 'u2'));
    await subscriptions.insert(sub(`c${key}`, `s${key}`, 'u1'));
    expect(await subscriptions.deleteOne({ rid: `r${key}`, 'u._id': 'u1' })).toBe(1);
    expect(await subscriptions.deleteMany({ rid: `s${key}` })).toBe(1);
    expect(await subscriptions.deleteOne({ rid: 'nothing-there' })).toBe(0);
    const mine = await sut.removedAfter(SUBSCRIPTIONS_COLLECTION, before, { 'u._id': 'u1' });
    expect(mine.map((r) => r._id)).toEqual([`a${key}`, `c${key}`]);
    expect(mine[0]._deletedAt).toBeInstanceOf(Date);
    expect(await sut.removedAfter(SUBSCRIPTIONS_COLLECTION, new Date(Date.now() + 1000))).toEqual([]);
    expect(await sut.removedAfter('rocketchat_room', before, { 'u._id': 'u1' })).toEqual([]);
    // the kept document is the whole subscription
    expect(await sut.findById(`a${key}`)).toEqual(
      expect.objectContaining({ rid: `r${key}`, __collection__: SUBSCRIPTIONS_COLLECTION }),
    );
  });

  it('keeps the latest removal of a document removed twice', async () => {
    const key = `twice${Date.now().toString(36)}`;
    await subscriptions.insert(sub(key, 'r', 'u3'));
    await subscriptions.deleteOne({ _id: key });
    const first = (await sut.findById<{ _deletedAt: Date }>(key))!._deletedAt;
    await new Promise((r) => setTimeout(r, 5));
    await subscriptions.insert(sub(key, 'r', 'u3'));
    await subscriptions.deleteOne({ _id: key });
    expect((await sut.findById<{ _deletedAt: Date }>(key))!._deletedAt.getTime()).toBeGreaterThan(first.getTime());
  });
});
