/**
 * The database double itself (mongo-java-server behind .ci/mongo/MongoWireServer.java, H2 file as in `npm start`
 * and the faults spec). Replicas that start together create the same collections and indexes at the same moment.
 * The library checks whether a collection exists and then creates it without a lock, so both could create it, and
 * the H2 backend then lost the `_id` index entry of documents inserted afterwards: every update of them failed
 * with "Expected one element but got zero", a 500 to the client (a CI run of the faults spec saw every data export
 * fail so). An index built while a document is inserted failed the insert too. The launcher now runs such
 * commands alone (.ci/mongo/MongoWireServer.java). Without Java there is no double to check.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { freePort, Proc, startMongo, which } from '../../scripts/infra';

/** Before the fix, 200 rounds here broke about 10 of the collections. */
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

  it('keeps documents whole when two clients create a collection, its index and its first documents at once', async () => {
    const failures: string[] = [];
    for (let i = 0; i < COLLECTIONS; i++) {
      const name = `c${i}`;
      const [a, b] = clients.map((c) => c.db().collection<{ _id: string; userId: string; n?: number }>(name));
      // as two replicas starting together do: each creates the collection and its index (one wins, the other is
      // refused or finds it there), and each writes a first document, which creates the collection if it is not
      // there yet
      const settled = await Promise.allSettled([
        clients[0].db().createCollection(name),
        clients[1].db().createCollection(name),
        a.createIndex({ userId: 1 }),
        b.createIndex({ userId: 1 }),
        a.insertOne({ _id: `a${i}`, userId: 'u' }),
        b.insertOne({ _id: `b${i}`, userId: 'u' }),
      ]);
      for (const [k, r] of settled.entries()) {
        // a refused create is MongoDB's answer too; nothing else may fail
        if (r.status === 'rejected' && !(k < 2 && /already exists/.test((r.reason as Error).message))) {
          failures.push(`${name} #${k}: ${(r.reason as Error).message}`);
        }
      }
      for (const id of [`a${i}`, `b${i}`]) {
        try {
          const updated = await a.updateOne({ _id: id }, { $set: { n: i } });
          if (updated.modifiedCount !== 1) {
            failures.push(`${name} ${id}: modified ${updated.modifiedCount}`);
          }
        } catch (err) {
          failures.push(`${name} ${id}: ${(err as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
