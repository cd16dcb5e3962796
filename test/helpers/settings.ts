/**
 * Changes a setting the way its owner does (stored value, then `settings.changed` for every replica). Used until
 * a test drives the settings API itself; `withSettings` puts the old values back afterwards.
 */
import Redis from 'ioredis';
import { MongoClient } from 'mongodb';
import { readState } from './state';

export async function setSetting(id: string, value: unknown): Promise<void> {
  const state = readState();
  const mongo = await MongoClient.connect(state.mongoUrl);
  try {
    await mongo.db().collection<{ _id: string }>('rocketchat_settings').updateOne({ _id: id }, { $set: { value } });
  } finally {
    await mongo.close();
  }
  const redis = new Redis(state.redisUrl);
  try {
    const prefix = state.appEnv.RC_REDIS_PREFIX ?? 'rc';
    await redis.publish(`${prefix}:events`, JSON.stringify({ event: 'settings.changed', payload: { ids: [id] } }));
  } finally {
    redis.disconnect();
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
}

export async function withSettings(values: Record<string, unknown>, fn: () => Promise<void>): Promise<void> {
  const mongo = await MongoClient.connect(readState().mongoUrl);
  let before: { _id: string; value: unknown }[];
  try {
    before = await mongo
      .db()
      .collection<{ _id: string; value: unknown }>('rocketchat_settings')
      .find({ _id: { $in: Object.keys(values) } })
      .toArray();
  } finally {
    await mongo.close();
  }
  for (const [id, value] of Object.entries(values)) {
    await setSetting(id, value);
  }
  try {
    await fn();
  } finally {
    for (const doc of before) {
      await setSetting(doc._id, doc.value);
    }
  }
}
