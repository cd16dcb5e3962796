import { Injectable } from '@nestjs/common';
import { AuthUser, InternalPattern } from '@app/contracts';
import { RcError } from '@app/envelope';
import { RpcClient } from '@app/transport';
import { UserDirectory } from '../directory/user-directory.service';
import { RoomAccessCache } from './room-access.cache';
import { RoomAccess, RoomAccessService } from './room-access.service';

/** Where a message goes: a room id, or chat.postMessage's `channel` (`#name`, `@username`, an id or a name). */
export type SendTarget = { roomId: string } | { channel: string };

/**
 * Rocket.Chat's canSendMessage, decided in chat from its room-access cache: in the steady state a post asks no
 * other service. Only a target chat does not know yet (a first DM, a public channel the caller has not joined)
 * goes once through users-rooms (`rooms.openForPost` creates or joins), and is then known.
 */
@Injectable()
export class SendAccessService {
  constructor(
    private readonly cache: RoomAccessCache,
    private readonly access: RoomAccessService,
    private readonly directory: UserDirectory,
    private readonly rpc: RpcClient,
  ) {}

  /** The target room with the caller's membership, after Rocket.Chat's sending checks. */
  async open(target: SendTarget, caller: AuthUser): Promise<RoomAccess> {
    let access = await this.lookup(target, caller);
    if (!access?.room || !access.subscription) {
      // a first DM, or a public channel the caller joins by posting: users-rooms creates or joins
      const { rid } = await this.rpc.send(InternalPattern.RoomsOpenForPost, {
        caller: { _id: caller._id, username: caller.username, name: caller.name, roles: caller.roles },
        ...target,
      });
      access = await this.cache.fresh({ roomId: rid }, caller._id);
    }
    if (!access.room) {
      throw RcError.failure('invalid-channel');
    }
    const ready = { room: access.room, subscription: access.subscription };
    await this.assertCanSend(ready, caller);
    return ready;
  }

  private async lookup(target: SendTarget, caller: AuthUser) {
    if ('roomId' in target) {
      return this.cache.get({ roomId: target.roomId }, caller._id);
    }
    const channel = target.channel;
    if (channel.startsWith('@')) {
      const [other] = await this.directory.find([channel.slice(1)]);
      if (!other) {
        return null;
      }
      // Rocket.Chat's DM id: both user ids, sorted and joined
      return this.cache.get({ roomId: [caller._id, other._id].sort().join('') }, caller._id);
    }
    if (channel.startsWith('#')) {
      return this.cache.get({ roomName: channel.slice(1) }, caller._id);
    }
    return this.cache.get({ roomIdOrName: channel }, caller._id);
  }

  /**
   * Rocket.Chat's validateRoomMessagePermissions: room access (a member, or `view-c-room` for a public channel,
   * not membership itself), blocked DMs, archived rooms, muted users, read-only rooms (`post-readonly`).
   */
  async assertCanSend(access: RoomAccess, caller: AuthUser): Promise<void> {
    const { room, subscription } = access;
    if (!subscription && !(room.t === 'c' && (await this.access.hasPermission(caller, null, 'view-c-room')))) {
      throw RcError.plain('error-not-allowed');
    }
    if (subscription?.blocked || subscription?.blocker) {
      throw RcError.plain('room_is_blocked');
    }
    if (room.archived) {
      throw RcError.plain('room_is_archived');
    }
    if (room.muted?.includes(caller.username)) {
      throw RcError.plain('You_have_been_muted');
    }
    if (room.ro && !(await this.access.hasPermission(caller, subscription, 'post-readonly'))) {
      throw RcError.plain("You can't send messages because the room is readonly.");
    }
  }
}
