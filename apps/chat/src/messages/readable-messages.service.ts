import { Injectable } from '@nestjs/common';
import type { ProjectionType } from 'mongoose';
import { AuthUser, IMessage } from '@app/contracts';
import { RcError } from '@app/envelope';
import { RoomAccess, RoomAccessService } from '../room-access/room-access.service';
import { MessagesRepository } from './messages.repository';

/**
 * A message by id, for endpoints that name one (getMessage, pin, star, react, follow, update, delete, ...): a
 * message in a room the caller cannot read is answered exactly like one that does not exist, so no endpoint tells
 * an outsider that a private group or a DM holds a given message.
 */
@Injectable()
export class ReadableMessages {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly access: RoomAccessService,
  ) {}

  async find(
    messageId: string,
    caller: AuthUser,
    notFound: () => RcError,
    projection?: ProjectionType<IMessage>,
  ): Promise<{ message: IMessage; access: RoomAccess }> {
    const message = await this.messages.findById(messageId, projection);
    const access = message?.rid ? await this.access.accessible(message.rid, caller) : null;
    if (!message || !access) {
      throw notFound();
    }
    return { message, access };
  }
}
