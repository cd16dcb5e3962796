/**
 * The database double itself (mongo-java-server behind .ci/mongo/MongoWireServer.java, H2 file as in `npm start`
 * and the faults spec). Replicas that start together create the same collections and indexes at the same moment.
 * The library checks whether a collection exists and then creates it without a lock, so both could create it, and
 * the H2 backend then lost the `_id` index entry of documents inserted afterwards: every update of them failed
 * with "Expected one element but got zero", a 500 to the client (a CI run of the faults spec saw every data export
 * fail so). The launcher now runs such commands one at a time. Without Java there is no double to check.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { freePort, Proc, startMongo, which } from '../../scripts/infra';

/** Before the fix, 200 rounds lost 3 to 8 collections' documents here. */
const COLLECTIONS = 200;

(which('java') ? describe : describe.skip)('the database double', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'rc-double-'));
  let mongo: Proc;
  let clients: MongoClient[] = [];

  beforeAll(async () => {
    mongo = await startMongo({ port: await freePort(), dataDir: join(tmp, 'mongo'), forceJava: true });
    clients = await Promise.all([0, 1].map(() => MongoClient.connect(`${mongo.url}/race`)));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await mongo?.stop(10_000);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('keeps documents updatable when two clients create their collection and its index at once', async () => {
    const failures: string[] = [];
    for (let i = 0; i < COLLECTIONS; i++) {
      const name = `c${i}`;
      // as two replicas starting together do: one of each create wins, the other is refused (or finds it there)
      await Promise.allSettled(
        clients.flatMap((c) => [c.db().createCollection(name), c.db().collection(name).createIndex({ userId: 1 })]),
      );
      const collection = clients[0].db().collection<{ _id: string; userId: string; n?: number }>(name);
      try {
        await collection.insertOne({ _id: `d${i}`, userId: 'u' });
        const updated = await collection.updateOne({ _id: `d${i}` }, { $set: { n: i } });
        if (updated.modifiedCount !== 1) {
          failures.push(`${name}: modified ${updated.modifiedCount}`);
        }
      } catch (err) {
        failures.push(`${name}: ${(err as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
