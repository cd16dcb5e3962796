import { Injectable } from '@nestjs/common';
import type { AuthUser, RoomRef } from '@app/contracts';
import { RcError } from '@app/envelope';
import { AuthorizationService } from '../authorization/authorization.service';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import type { RoomDoc } from './room.types';
import { RoomsRepository } from './rooms.repository';

type Caller = Pick<AuthUser, '_id' | 'roles'>;
type AccessRoom = Pick<RoomDoc, '_id' | 't' | 'prid'>;

/** The text of Rocket.Chat's findRoomByIdOrName (rooms.*) when the room is not there. */
export const ANY_ROOM_NOT_FOUND = 'The required "roomId" or "roomName" param provided does not match any channel';

/**
 * Rocket.Chat's canAccessRoom: a public channel with `view-c-room`, any room with a subscription, a discussion
 * with access to its parent. Rooms of any type by id or name (rooms.*) are found through it, and a room the
 * caller cannot see is answered exactly like a room that does not exist when it is private (a group, a DM, or
 * a discussion of one), so its existence does not leak.
 */
@Injectable()
export class RoomVisibility {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly authorization: AuthorizationService,
  ) {}

  async canAccess(room: AccessRoom, caller: Caller, depth = 0): Promise<boolean> {
    if (room.t === 'c' && (await this.authorization.hasPermission(caller.roles, 'view-c-room'))) {
      return true;
    }
    if (await this.subscriptions.exists({ rid: room._id, 'u._id': caller._id })) {
      return true;
    }
    if (room.prid && depth < 2) {
      const parent = await this.rooms.findById<AccessRoom>(room.prid, { _id: 1, t: 1, prid: 1 });
      return !!parent && this.canAccess(parent, caller, depth + 1);
    }
    return false;
  }

  /** A room only its members may know of: a private group, a DM, or a discussion in one. */
  async isPrivate(room: AccessRoom, depth = 0): Promise<boolean> {
    if (room.t !== 'c') {
      return true;
    }
    if (room.prid && depth < 2) {
      const parent = await this.rooms.findById<AccessRoom>(room.prid, { _id: 1, t: 1, prid: 1 });
      return !parent || this.isPrivate(parent, depth + 1);
    }
    return false;
  }

  /**
   * rooms.* (Rocket.Chat's findRoomByIdOrName): `roomId` or `roomName`, any type. A private room the caller
   * cannot access is not found; a public one is returned with `accessible: false` for the endpoint to refuse.
   */
  async find(
    ref: RoomRef,
    caller: Caller,
    options: { checkArchived?: boolean } = {},
  ): Promise<{ room: RoomDoc; accessible: boolean }> {
    const id = ref.roomId?.trim();
    const name = ref.roomName?.trim().replace(/^#/, '');
    if (!id && !name) {
      throw RcError.failure('error-roomid-param-not-provided', 'The parameter "roomId" or "roomName" is required');
    }
    const room = id ? await this.rooms.findById<RoomDoc>(id) : await this.rooms.findOne<RoomDoc>({ name });
    const notFound = () => RcError.failure('error-room-not-found', ANY_ROOM_NOT_FOUND);
    if (!room) {
      throw notFound();
    }
    const accessible = await this.canAccess(room, caller);
    if (!accessible && (await this.isPrivate(room))) {
      throw notFound();
    }
    if (options.checkArchived !== false && room.archived) {
      throw RcError.failure('error-room-archived', `The channel, ${room.name ?? room.fname ?? room._id}, is archived`);
    }
    return { room, accessible };
  }
}
