import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { IMessage } from '@app/contracts';
import { MongoRepository } from '@app/database';
import { Message } from './schemas/message.schema';

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
   */
  override async insert(doc: IMessage): Promise<void> {
    await this.collection.insertOne({ ...doc, msg: doc.msg ?? '' }, { ignoreUndefined: true });
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
