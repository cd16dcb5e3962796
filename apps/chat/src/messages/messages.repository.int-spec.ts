import { INestApplicationContext, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { IMessage } from '@app/contracts';
import { isDuplicateKey } from '@app/database';
import { contextModule } from '../../../../test/int/context-module';
import { MessagesRepository } from './messages.repository';
import { Message, MessageSchema } from './schemas/message.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: Message.name, schema: MessageSchema }])],
  providers: [MessagesRepository],
})
class MessagesStoreModule {}

let n = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++n}`;

describe('MessagesRepository.insert (middle tier: rocketchat_message on the MongoDB-wire server)', () => {
  let app: INestApplicationContext;
  let messages: MessagesRepository;

  beforeAll(async () => {
    app = await contextModule([MessagesStoreModule]);
    messages = app.get(MessagesRepository);
  });

  afterAll(async () => {
    await app?.close();
  });

  const message = (over: Partial<IMessage> = {}): IMessage => {
    const ts = new Date('2026-12-06T12:00:00.000Z');
    return {
      _id: unique('m'),
      rid: 'room1',
      msg: 'hello',
      ts,
      u: { _id: 'u1', username: 'alice' },
      _updatedAt: ts,
      mentions: [],
      ...over,
    };
  };

  it('stores the message as chat built it: dates stay dates, undefined fields are left out', async () => {
    const doc = message({ alias: undefined, attachments: [{ title: 'a', text: undefined }] });
    await messages.insert(doc);
    const stored = await messages.findById(doc._id);
    expect(stored).toEqual({
      _id: doc._id,
      rid: 'room1',
      msg: 'hello',
      ts: doc.ts,
      u: { _id: 'u1', username: 'alice' },
      _updatedAt: doc.ts,
      mentions: [],
      attachments: [{ title: 'a' }],
    });
    expect(stored).not.toHaveProperty('alias');
  });

  it("gives a message without text Rocket.Chat's empty msg", async () => {
    const doc = message({
      msg: undefined as unknown as string,
      file: { _id: 'f1', name: 'a.txt', type: 'text/plain' },
    });
    await messages.insert(doc);
    expect(await messages.findById(doc._id, { msg: 1 })).toEqual({ _id: doc._id, msg: '' });
  });

  it('refuses a second message with the same id as a duplicate key, and keeps the first', async () => {
    const doc = message();
    await messages.insert(doc);
    const again = await messages.insert({ ...doc, msg: 'changed' }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(isDuplicateKey(again)).toBe(true);
    expect((await messages.findById(doc._id))?.msg).toBe('hello');
  });

  it('stores the messages of one turn in one insert; a taken id fails only its own caller', async () => {
    const taken = message();
    await messages.insert(taken);
    const inserts = jest.spyOn(
      (messages as unknown as { collection: { insertMany: (...args: unknown[]) => unknown } }).collection,
      'insertMany',
    );
    const [first, second] = [message({ msg: 'one' }), message({ msg: 'two' })];
    const outcomes = await Promise.allSettled([
      messages.insert(first),
      messages.insert({ ...taken, msg: 'changed' }),
      messages.insert(second),
      messages.insert({ ...second, msg: 'same id in the same turn' }),
    ]);
    expect(inserts).toHaveBeenCalledTimes(1);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    for (const o of outcomes) {
      expect(o.status === 'rejected' && isDuplicateKey(o.reason)).toBe(o.status === 'rejected');
    }
    expect((await messages.findById(first._id))?.msg).toBe('one');
    expect((await messages.findById(second._id))?.msg).toBe('two');
    expect((await messages.findById(taken._id))?.msg).toBe('hello');
    inserts.mockRestore();
  });
});
