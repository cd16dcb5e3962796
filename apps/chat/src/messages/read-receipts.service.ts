import { Injectable } from '@nestjs/common';
import { MessageIdPayload, ReadReceipt, RoomReadEvent } from '@app/contracts';
import { randomId } from '@app/database';
import { RcError } from '@app/envelope';
import { SettingsReader } from '@app/settings';
import { MessagesRepository } from './messages.repository';
import { ReadableMessages } from './readable-messages.service';
import { ReadReceiptsRepository } from './read-receipts.repository';

/** Most messages one read records receipts for (a member back after a long time reads the newest ones). */
export const MAX_RECEIPTS_PER_READ = 1000;

/**
 * Read receipts (`Message_Read_Receipt_Enabled`): when a member marks a room read, who read which message is
 * recorded; chat.getMessageReadReceipts lists them. While the setting is off nothing is recorded, and the
 * endpoint answers Rocket.Chat 7's refusal.
 */
@Injectable()
export class ReadReceiptsService {
  constructor(
    private readonly receipts: ReadReceiptsRepository,
    private readonly messages: MessagesRepository,
    private readonly readableMessages: ReadableMessages,
    private readonly settings: SettingsReader,
  ) {}

  private enabled(): Promise<boolean> {
    return this.settings.boolean('Message_Read_Receipt_Enabled', false);
  }

  /** A member read the room up to `until`: the others' messages since its previous `ls` get a receipt each. */
  async roomRead(e: RoomReadEvent): Promise<void> {
    if (!(await this.enabled())) {
      return;
    }
    const until = new Date(e.until);
    const ts: Record<string, Date> = { $lte: until };
    if (e.since) {
      ts.$gt = new Date(e.since);
    }
    const read = await this.messages.find<{ _id: string }>(
      { rid: e.rid, ts, 'u._id': { $ne: e.userId }, _hidden: { $ne: true }, t: { $exists: false } },
      { projection: { _id: 1 }, sort: { ts: -1 }, limit: MAX_RECEIPTS_PER_READ },
    );
    // one receipt per member and message, however often the event arrives (unique index)
    await this.receipts.bulkWrite(
      read.map((m) => ({
        updateOne: {
          filter: { roomId: e.rid, userId: e.userId, messageId: m._id },
          update: { $setOnInsert: { _id: randomId(), ts: until, user: e.user } },
          upsert: true,
        },
      })),
    );
  }

  /** chat.getMessageReadReceipts */
  async list(p: MessageIdPayload): Promise<{ receipts: ReadReceipt[] }> {
    if (!(await this.enabled())) {
      throw RcError.failure('error-action-not-allowed', 'This is an enterprise feature');
    }
    if (!p.messageId) {
      throw RcError.plain("The required 'messageId' param is missing.");
    }
    await this.readableMessages.find(
      p.messageId,
      p.caller,
      () => RcError.failure('error-not-allowed', 'Not allowed', { method: 'getReadReceipts' }),
      { rid: 1 },
    );
    return { receipts: await this.receipts.find({ messageId: p.messageId }, { sort: { ts: 1 } }) };
  }
}
