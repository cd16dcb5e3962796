import { Injectable } from '@nestjs/common';
import { InternalPattern, IMessage, SystemMessageEvent } from '@app/contracts';
import { isDuplicateKey } from '@app/database';
import { RpcClient } from '@app/transport';
import { UploadsService } from '../uploads/uploads.service';
import { MessagesRepository } from './messages.repository';

/**
 * What the rooms context asks of chat through durable events: system messages (`uj`, `au`, `r`,
 * `room_changed_topic`, ...) written as Rocket.Chat writes them, and a deleted room's messages and files removed.
 */
@Injectable()
export class SystemMessagesService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly uploads: UploadsService,
    private readonly rpc: RpcClient,
  ) {}

  /** Rocket.Chat's Message.saveSystemMessage: once per id, however often the event is delivered. */
  async write(e: SystemMessageEvent): Promise<IMessage> {
    const ts = new Date(e.ts);
    const doc: IMessage = {
      ...(e.extra ?? {}),
      _id: e._id,
      rid: e.rid,
      t: e.t,
      msg: e.msg,
      ts,
      u: e.u,
      groupable: false,
      _updatedAt: ts,
    };
    let stored = doc;
    try {
      await this.messages.insert(doc);
    } catch (err) {
      if (!isDuplicateKey(err)) {
        throw err;
      }
      stored = (await this.messages.findById(doc._id)) ?? doc;
    }
    // the room counts it (users-rooms counts each message id once)
    await this.rpc.emit(InternalPattern.RoomsMessageSent, {
      rid: e.rid,
      messageId: e._id,
      ts: ts.toISOString(),
      userId: e.u._id,
      message: { _id: e._id, msg: e.msg, u: e.u, rid: e.rid },
      mentionedUserIds: [],
      hasGroupMention: false,
      system: true,
    });
    return stored;
  }

  /** A deleted room leaves nothing behind: its messages, and its uploads with their bytes. */
  async roomDeleted(rid: string): Promise<void> {
    await this.uploads.remove({ rid });
    await this.messages.deleteMany({ rid });
  }
}
