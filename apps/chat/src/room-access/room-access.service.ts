import { Injectable } from '@nestjs/common';
import { PermissionStore } from '@app/auth';
import { AuthUser, MembershipSnapshot, RoomAccessSnapshot, RoomKind, RoomRef } from '@app/contracts';
import { RcError } from '@app/envelope';
import { RoomAccessCache } from './room-access.cache';

export interface RoomAccess {
  room: RoomAccessSnapshot;
  subscription: MembershipSnapshot | null;
}

/**
 * Who may read a room's messages, decided in chat from its room-access cache (no call to users-rooms on a warm
 * path): a member always; a public channel also with `view-c-room` (and `preview-c-room` for its history when
 * not joined); a private group never to a non-member, which is told the group does not exist.
 */
@Injectable()
export class RoomAccessService {
  constructor(
    private readonly cache: RoomAccessCache,
    private readonly permissions: PermissionStore,
  ) {}

  /** The caller's global roles plus its room-scoped roles (owner, moderator, leader). */
  roles(caller: Pick<AuthUser, 'roles'>, subscription: MembershipSnapshot | null): string[] {
    return subscription?.roles.length ? [...caller.roles, ...subscription.roles] : caller.roles;
  }

  hasPermission(caller: Pick<AuthUser, 'roles'>, subscription: MembershipSnapshot | null, permission: string) {
    return this.permissions.hasPermission(this.roles(caller, subscription), permission);
  }

  /** The room of the namespace's kind by `roomId` / `roomName`, visible to the caller, or Rocket.Chat's error. */
  async find(kind: RoomKind, ref: RoomRef, caller: AuthUser, options: { fresh?: boolean } = {}): Promise<RoomAccess> {
    const roomId = ref.roomId?.trim();
    const roomName = ref.roomName?.trim().replace(/^#/, '');
    if (!roomId && !roomName) {
      throw RcError.failure(kind.missingParam, 'The parameter "roomId" or "roomName" is required');
    }
    const target = roomId ? { roomId } : { roomName };
    const { room, subscription } = options.fresh
      ? await this.cache.fresh(target, caller._id)
      : await this.cache.get(target, caller._id);
    // Rocket.Chat's findChannelByIdOrName also finds livechat rooms
    const ofKind = kind.t === 'c' ? room?.t === 'c' || room?.t === 'l' : room?.t === kind.t;
    if (!room || !ofKind || (kind.membersOnly && !subscription)) {
      throw RcError.failure('error-room-not-found', kind.notFound);
    }
    return { room, subscription };
  }

  /**
   * A room of any type by `roomId` / `roomName` (rooms.*): a private room (group, DM) the caller is not in is
   * not found, exactly like a room that does not exist.
   */
  async findAny(ref: RoomRef, caller: Pick<AuthUser, '_id'>): Promise<RoomAccess> {
    const roomId = ref.roomId?.trim();
    const roomName = ref.roomName?.trim().replace(/^#/, '');
    if (!roomId && !roomName) {
      throw RcError.failure('error-roomid-param-not-provided', 'The parameter "roomId" or "roomName" is required');
    }
    const { room, subscription } = await this.cache.get(roomId ? { roomId } : { roomName }, caller._id);
    if (!room || (room.t !== 'c' && !subscription)) {
      throw RcError.failure(
        'error-room-not-found',
        'The required "roomId" or "roomName" param provided does not match any channel',
      );
    }
    return { room, subscription };
  }

  /**
   * A direct message the caller is in, by id (im.*): a room that does not exist and a DM of others are refused
   * alike (403), so nothing tells an outsider a DM exists; a room of another type is `invalid-channel`.
   */
  async findDirect(roomId: string, caller: Pick<AuthUser, '_id'>, options: { fresh?: boolean } = {}) {
    const { room, subscription } = options.fresh
      ? await this.cache.fresh({ roomId }, caller._id)
      : await this.cache.get({ roomId }, caller._id);
    if (!room || !subscription) {
      throw RcError.forbidden();
    }
    if (room.t !== 'd') {
      throw RcError.failure('invalid-channel');
    }
    return { room, subscription };
  }

  /** A channel's history and files: members, or holders of `view-c-room` (+ `preview-c-room` for history). */
  async assertCanRead(access: RoomAccess, caller: AuthUser, preview: boolean): Promise<void> {
    if (access.subscription) {
      return;
    }
    const allowed =
      access.room.t === 'c' &&
      (await this.permissions.hasPermission(caller.roles, 'view-c-room')) &&
      (!preview || (await this.permissions.hasPermission(caller.roles, 'preview-c-room')));
    if (!allowed) {
      throw RcError.forbidden();
    }
  }

  /**
   * A room by id and the caller's membership, when the caller may see it (Rocket.Chat's canAccessRoom: a member,
   * or anyone with `view-c-room` for a public channel); null otherwise, a missing room included.
   */
  async accessible(rid: string, caller: AuthUser, options: { fresh?: boolean } = {}): Promise<RoomAccess | null> {
    const { room, subscription } = options.fresh
      ? await this.cache.fresh({ roomId: rid }, caller._id)
      : await this.cache.get({ roomId: rid }, caller._id);
    if (!room) {
      return null;
    }
    if (subscription || (room.t === 'c' && (await this.permissions.hasPermission(caller.roles, 'view-c-room')))) {
      return { room, subscription };
    }
    return null;
  }
}
