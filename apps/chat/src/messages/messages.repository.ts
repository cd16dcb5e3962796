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

  /** A thread reply was stored: Rocket.Chat's updateRepliesByThreadId on the parent. */
  async addThreadReply(tmid: string, replies: string[], ts: Date): Promise<void> {
    await this.updateOne(
      { _id: tmid },
      { $addToSet: { replies: { $each: replies } }, $set: { tlm: ts }, $inc: { tcount: 1 } },
    );
  }
}
