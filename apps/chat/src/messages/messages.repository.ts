import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import DataLoader from 'dataloader';
import { Model, mongo } from 'mongoose';
import type { IMessage } from '@app/contracts';
import { MongoRepository, settledWithin, WRITE_BOUND_MS } from '@app/database';
import { Message } from './schemas/message.schema';

/** The most messages inserted in one command (a stream read gives at most the transport's concurrency). */
const MAX_INSERT_BATCH = 100;

/** `rocketchat_message`, through this repository only (the messages context registers the schema). */
@Injectable()
export class MessagesRepository extends MongoRepository<IMessage> {
  constructor(@InjectModel(Message.name) model: Model<IMessage>) {
    super(model);
  }

  /**
   * A new message, as chat built it (complete and typed). Written with the driver: mongoose's `create()` would
   * hydrate a document, validate it and build `save()`'s guard error on every post, only to write the same
   * fields. Undefined fields are left out, as mongoose leaves them; `msg` is never absent (Rocket.Chat's `''`).
   * The messages stored in one turn of the event loop go to the database as one unordered insert; each caller
   * gets its own message's outcome (a taken `_id` is MongoDB's duplicate-key error, as for a single insert). An
   * insert unanswered after 10 s fails its callers as an outage (503) rather than hold them.
   */
  override insert(doc: IMessage): Promise<void> {
    return this.inserts.load(doc);
  }

  private readonly inserts = new DataLoader<IMessage, void>((docs) => this.insertMany(docs), {
    cache: false,
    maxBatchSize: MAX_INSERT_BATCH,
    batchScheduleFn: (run) => setImmediate(run),
  });

  private async insertMany(docs: readonly IMessage[]): Promise<(void | Error)[]> {
    const outcomes: (void | Error)[] = docs.map(() => undefined);
    try {
      await settledWithin(
        this.collection.insertMany(
          docs.map((doc) => ({ ...doc, msg: doc.msg ?? '' })),
          { ordered: false, ignoreUndefined: true },
        ),
        WRITE_BOUND_MS,
        `inserting ${docs.length} messages`,
      );
    } catch (err) {
      const refusals = err instanceof mongo.MongoBulkWriteError ? [err.writeErrors].flat() : [];
      if (!refusals.length) {
        throw err;
      }
      // unordered: every other message was written; each refused one fails with its own error
      for (const refused of refusals) {
        outcomes[refused.index] = Object.assign(new Error(refused.errmsg ?? 'write refused'), { code: refused.code });
      }
    }
    return outcomes;
  }

  /** A thread reply was stored: Rocket.Chat's updateRepliesByThreadId on the parent. */
  async addThreadReply(tmid: string, replies: string[], ts: Date): Promise<void> {
    await this.updateOne(
      { _id: tmid },
      { $addToSet: { replies: { $each: replies } }, $set: { tlm: ts }, $inc: { tcount: 1 } },
    );
  }

  private textIndex?: { known: boolean; at: number };

  /**
   * Whether the collection has a text index (real MongoDB, created by an operator): chat.search then uses `$text`.
   * Asked again every five minutes; a server without text search (the test server) answers no.
   */
  async hasTextIndex(): Promise<boolean> {
    const now = Date.now();
    if (this.textIndex && now - this.textIndex.at < 300_000) {
      return this.textIndex.known;
    }
    let known = false;
    try {
      const indexes = await this.model.collection.indexes();
      known = indexes.some((i) => Object.values(i.key).includes('text'));
    } catch {
      known = false;
    }
    this.textIndex = { known, at: now };
    return known;
  }
}
