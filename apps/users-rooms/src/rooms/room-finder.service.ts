import { Injectable } from '@nestjs/common';
import { RoomKind, RoomRef } from '@app/contracts';
import { RcError } from '@app/envelope';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import type { RoomDoc } from './room.types';
import { RoomsRepository } from './rooms.repository';

export interface FindOptions {
  /** mutating endpoints refuse archived rooms (`error-room-archived`); reads do not */
  checkArchived?: boolean;
}

/**
 * Rocket.Chat's findChannelByIdOrName / findPrivateGroupByIdOrName: `roomId` or `roomName`, the room of the
 * namespace's type, invisible (not found) to non-members when the kind is members-only, archived refused on
 * writes.
 */
@Injectable()
export class RoomFinder {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  async find(kind: RoomKind, ref: RoomRef, callerId: string, options: FindOptions = {}): Promise<RoomDoc> {
    const id = ref.roomId?.trim();
    const name = ref.roomName?.trim().replace(/^#/, '');
    if (!id && !name) {
      throw RcError.failure(kind.missingParam, 'The parameter "roomId" or "roomName" is required');
    }
    const room = id ? await this.rooms.findById<RoomDoc>(id) : await this.rooms.findOne<RoomDoc>({ name });
    const ofKind = kind.t === 'c' ? room?.t === 'c' || room?.t === 'l' : room?.t === kind.t;
    const visible =
      !!room &&
      ofKind &&
      (!kind.membersOnly || (await this.subscriptions.exists({ rid: room._id, 'u._id': callerId })));
    if (!room || !visible) {
      throw RcError.failure('error-room-not-found', kind.notFound);
    }
    if (options.checkArchived !== false && room.archived) {
      throw RcError.failure('error-room-archived', `The ${kind.noun}, ${room.fname ?? room.name}, is archived`);
    }
    return room;
  }
}
