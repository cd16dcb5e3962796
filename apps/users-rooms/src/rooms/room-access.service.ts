import { Injectable } from '@nestjs/common';
import { OpenForPostPayload, RoomAccessSnapshot, RoomsAccessPayload, RoomsAccessResult } from '@app/contracts';
import { RcError } from '@app/envelope';
import { AuthorizationService } from '../authorization/authorization.service';
import { DirectMessagesService } from './direct-messages.service';
import { MembershipService } from './membership.service';
import { RoomDoc, UserRef } from './room.types';
import { UsersRepository } from '../users/users.repository';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { RoomsRepository } from '../rooms/rooms.repository';

/**
 * What chat asks of the rooms context about access: a room and a membership as its cache keeps them
 * (`rooms.access`), and the way in for a post to a room chat does not know yet (target resolution `#name`,
 * `@username`, id; DMs created on demand; public channels joined on post).
 */
@Injectable()
export class RoomAccessService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly users: UsersRepository,
    private readonly authorization: AuthorizationService,
    private readonly membership: MembershipService,
    private readonly directMessages: DirectMessagesService,
  ) {}

  /**
   * chat.postMessage's way in when chat does not know the room or the caller's membership yet: the target room
   * (`roomId`, `#name`, `@username`, or an id/name), after creating the DM or joining the caller to the public
   * channel it names, as Rocket.Chat does on post. The sending checks themselves are chat's.
   */
  async openForPost(p: OpenForPostPayload): Promise<{ rid: string }> {
    const user: UserRef = p.caller;
    const room = await this.resolveTarget(p, user);
    if (
      room.t === 'c' &&
      !room.archived &&
      !(await this.subscriptions.exists({ rid: room._id, 'u._id': user._id })) &&
      (await this.authorization.hasPermission(user.roles, 'view-c-room'))
    ) {
      // Rocket.Chat joins the caller to a public channel it posts to (getRoomByNameOrIdWithOptionToJoin)
      await this.membership.subscribe(room, user, { announce: 'uj', call: p });
    }
    return { rid: room._id };
  }

  private async resolveTarget(p: OpenForPostPayload, user: UserRef): Promise<RoomDoc> {
    const target = p.roomId ?? p.channel;
    if (!target) {
      throw RcError.failure('invalid-channel');
    }
    let room: RoomDoc | null = null;
    if (!p.roomId && target.startsWith('@')) {
      room = await this.directMessages.directRoomFor(user, target.slice(1));
    } else {
      const projection = { t: 1, name: 1, fname: 1, archived: 1, muted: 1, ro: 1 };
      if (p.roomId) {
        room = await this.rooms.findById<RoomDoc>(target, projection);
      } else {
        const nameOrId = target.startsWith('#') ? target.slice(1) : target;
        room = await this.rooms.findOne<RoomDoc>({ $or: [{ _id: nameOrId }, { name: nameOrId }] }, projection);
      }
    }
    if (!room) {
      throw RcError.failure('invalid-channel');
    }
    return room;
  }

  /** A room and the user's membership of it, as chat's room-access cache keeps them. */
  async snapshot(p: RoomsAccessPayload): Promise<RoomsAccessResult> {
    const projection = {
      t: 1,
      name: 1,
      fname: 1,
      ro: 1,
      archived: 1,
      broadcast: 1,
      reactWhenReadOnly: 1,
      muted: 1,
      prid: 1,
      teamId: 1,
      usersCount: 1,
      msgs: 1,
      lm: 1,
      _updatedAt: 1,
      uids: 1,
    };
    const name = p.roomName?.replace(/^#/, '');
    const room = p.roomId
      ? await this.rooms.findById<RoomAccessSnapshot>(p.roomId, projection)
      : name
        ? await this.rooms.findOne<RoomAccessSnapshot>({ name }, projection)
        : p.roomIdOrName
          ? await this.rooms.findOne<RoomAccessSnapshot>(
              { $or: [{ _id: p.roomIdOrName }, { name: p.roomIdOrName }] },
              projection,
            )
          : null;
    if (!room) {
      return { room: null, subscription: null };
    }
    const sub = await this.subscriptions.findByRoomAndUser(room._id, p.userId, {
      roles: 1,
      open: 1,
      ts: 1,
      ls: 1,
      userMentions: 1,
      groupMentions: 1,
      unread: 1,
      tunread: 1,
      ignored: 1,
      blocked: 1,
      blocker: 1,
    });
    return {
      room: { ...room, usersCount: room.usersCount ?? 0, msgs: room.msgs ?? 0 },
      subscription: sub
        ? {
            rid: room._id,
            userId: p.userId,
            roles: sub.roles ?? [],
            open: sub.open !== false,
            ts: sub.ts,
            ...(sub.ls ? { ls: sub.ls } : {}),
            userMentions: sub.userMentions ?? 0,
            groupMentions: sub.groupMentions ?? 0,
            unread: sub.unread ?? 0,
            ...(sub.tunread?.length ? { tunread: sub.tunread } : {}),
            ...(sub.ignored?.length ? { ignored: sub.ignored } : {}),
            ...(sub.blocked ? { blocked: true } : {}),
            ...(sub.blocker ? { blocker: true } : {}),
          }
        : null,
    };
  }
}
