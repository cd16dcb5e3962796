import { Injectable } from '@nestjs/common';
import {
  AuthorizePostPayload,
  AuthorizePostResult,
  IMessageMention,
  RoomAccessSnapshot,
  RoomsAccessPayload,
  RoomsAccessResult,
} from '@app/contracts';
import { RcError } from '@app/envelope';
import { AuthorizationService } from '../authorization/authorization.service';
import { DirectMessagesService } from './direct-messages.service';
import { MembershipService } from './membership.service';
import { RoomDoc, UserRef } from './room.types';
import { UsersRepository } from '../users/users.repository';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { RoomsRepository } from '../rooms/rooms.repository';

/**
 * Who may post to or read a room (chat asks before it stores or reads messages): target resolution
 * (`#name`, `@username`, id), joining public channels on post, direct rooms created on demand, Rocket.Chat's
 * sending checks (membership, archived, muted, read-only) and read access (`preview-c-room`).
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

  /** Resolves chat.postMessage's target and applies Rocket.Chat's sending checks. */
  async authorizePost(p: AuthorizePostPayload): Promise<AuthorizePostResult> {
    const user: UserRef | null =
      p.caller?._id === p.userId
        ? p.caller
        : await this.users.findById<UserRef>(p.userId, { _id: 1, username: 1, name: 1, roles: 1 });
    if (!user) {
      throw RcError.failure('error-invalid-user', 'Invalid user');
    }
    const [room, mentions] = await Promise.all([
      this.resolveTarget(p, user),
      this.resolveMentions(p.mentionUsernames ?? []),
    ]);
    let sub: { roles?: string[] } | null = await this.subscriptions.findOne(
      { rid: room._id, 'u._id': user._id },
      { roles: 1 },
    );
    if (!sub && room.t === 'c' && (await this.authorization.hasPermission(user.roles, 'view-c-room'))) {
      // Rocket.Chat joins the caller to a public channel it posts to (getRoomByNameOrIdWithOptionToJoin)
      await this.membership.subscribe(room, user, { announce: 'uj' });
      sub = {};
    }
    if (!sub) {
      throw RcError.plain('error-not-allowed');
    }
    if (room.archived) {
      throw RcError.plain('room_is_archived');
    }
    if (room.muted?.includes(user.username!)) {
      throw RcError.plain('You_have_been_muted');
    }
    if (room.ro && !(await this.authorization.hasPermissionInRoom(user.roles, sub.roles, 'post-readonly'))) {
      throw RcError.plain("You can't send messages because the room is readonly.");
    }
    return {
      room: {
        _id: room._id,
        t: room.t,
        ...(room.name ? { name: room.name } : {}),
        ...(room.fname ? { fname: room.fname } : {}),
      },
      user: { _id: user._id, username: user.username!, ...(user.name ? { name: user.name } : {}) },
      mentions,
    };
  }

  /** `@all` / `@here` stay as they are; other names become the users they name (unknown ones are dropped). */
  private async resolveMentions(usernames: string[]): Promise<IMessageMention[]> {
    const names = [...new Set(usernames)].slice(0, 100);
    if (!names.length) {
      return [];
    }
    const group = names
      .filter((n) => n === 'all' || n === 'here')
      .map((n) => ({ _id: n, username: n, type: 'user' as const }));
    const found = await this.users.find<UserRef>(
      { username: { $in: names.filter((n) => n !== 'all' && n !== 'here') } },
      { projection: { _id: 1, username: 1, name: 1 } },
    );
    return [
      ...group,
      ...found.map((u) => ({
        _id: u._id,
        username: u.username!,
        ...(u.name ? { name: u.name } : {}),
        type: 'user' as const,
      })),
    ];
  }

  private async resolveTarget(p: AuthorizePostPayload, user: UserRef): Promise<RoomDoc> {
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
      unread: 1,
      ignored: 1,
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
            unread: sub.unread ?? 0,
            ...(sub.ignored?.length ? { ignored: sub.ignored } : {}),
          }
        : null,
    };
  }
}
