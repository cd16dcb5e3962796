import { Injectable, INestApplicationContext, Module } from '@nestjs/common';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import mongoose, { Model, Schema } from 'mongoose';
import { contextModule } from '../../../test/int/context-module';
import { MongoRepository } from './repository';

interface Thing {
  _id: string;
  group: string;
  n: number;
  at?: Date | string;
  flag?: boolean;
}

const ThingSchema = new Schema<Thing>(
  { _id: String, group: String, n: { type: Number, default: 0 }, at: Date, flag: Boolean },
  { collection: 'int_things', versionKey: false },
);

@Injectable()
class ThingsRepository extends MongoRepository<Thing> {
  constructor(@InjectModel('Thing') model: Model<Thing>) {
    super(model);
  }
}

@Module({
  imports: [MongooseModule.forFeature([{ name: 'Thing', schema: ThingSchema }])],
  providers: [ThingsRepository],
})
class ThingsModule {}

let n = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++n}`;

describe('MongoRepository (middle tier: a collection of its own on the MongoDB-wire server)', () => {
  let app: INestApplicationContext;
  let things: ThingsRepository;

  beforeAll(async () => {
    app = await contextModule([ThingsModule]);
    things = app.get(ThingsRepository);
  });

  afterAll(async () => {
    await app?.close();
  });

  async function group(size: number): Promise<string> {
    const g = unique('g');
    for (let i = 0; i < size; i++) {
      await things.insert({ _id: `${g}-${i}`, group: g, n: 0 });
    }
    return g;
  }

  const state = async (g: string) =>
    (await things.find<Thing>({ group: g }, { sort: { _id: 1 } })).map(({ n: count, flag }) => ({ count, flag }));

  it('bulkWrite asIs runs the operations in order, with the same outcome as through mongoose', async () => {
    const ops = (g: string) => [
      { updateMany: { filter: { group: g, _id: { $ne: `${g}-0` } }, update: { $set: { flag: true } } } },
      { updateMany: { filter: { group: g, flag: true }, update: { $inc: { n: 1 } } } },
      { updateOne: { filter: { _id: `${g}-0` }, update: { $inc: { n: 5 } } } },
    ];
    const [viaDriver, viaMongoose] = [await group(3), await group(3)];
    expect(await things.bulkWrite(ops(viaDriver), { asIs: true })).toEqual([]);
    expect(await things.bulkWrite(ops(viaMongoose))).toEqual([]);
    const expected = [{ count: 5 }, { count: 1, flag: true }, { count: 1, flag: true }];
    expect(await state(viaDriver)).toEqual(expected);
    expect(await state(viaMongoose)).toEqual(expected);
  });

  it('findOneAndUpdate asIs answers the updated document in its projection, or null', async () => {
    const g = await group(1);
    const at = new Date('2026-12-06T10:00:00.000Z');
    const updated = await things.findOneAndUpdate<Thing>(
      { _id: `${g}-0` },
      { $inc: { n: 2 }, $set: { at } },
      { projection: { n: 1, at: 1 }, asIs: true },
    );
    expect(updated).toEqual({ _id: `${g}-0`, n: 2, at });
    const before = await things.findOneAndUpdate<Thing>(
      { _id: `${g}-0` },
      { $inc: { n: 1 } },
      { projection: { n: 1 }, returnNew: false, asIs: true },
    );
    expect(before).toEqual({ _id: `${g}-0`, n: 2 });
    expect(await things.findOneAndUpdate({ _id: `${g}-none` }, { $inc: { n: 1 } }, { asIs: true })).toBeNull();
  });

  it('asIs writes values as they are given (the caller types them); mongoose casts them to the schema', async () => {
    const g = await group(2);
    await things.bulkWrite([{ updateOne: { filter: { _id: `${g}-0` }, update: { $set: { at: '2026-12-06' } } } }], {
      asIs: true,
    });
    await things.bulkWrite([{ updateOne: { filter: { _id: `${g}-1` }, update: { $set: { at: '2026-12-06' } } } }]);
    const [raw, cast] = await things.find<Thing>({ group: g }, { sort: { _id: 1 } });
    expect(raw.at).toBe('2026-12-06');
    expect(cast.at).toEqual(new Date('2026-12-06'));
  });

  it('queries format no stack trace each (mongoose keeps one per query only to annotate a rare error)', () => {
    expect(mongoose.get('skipOriginalStackTraces')).toBe(true);
  });
});
