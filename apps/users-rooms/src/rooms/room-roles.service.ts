import { Injectable } from '@nestjs/common';
import { Empty, IUserRef, RoomKind, RoomRoleHolder, RoomTargetPayload, RoomUserPayload } from '@app/contracts';
import { Errors, RcError, RcErrorType } from '@app/envelope';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UserSessionsService } from '../users/user-sessions.service';
import { UsersRepository } from '../users/users.repository';
import { MembershipService } from './membership.service';
import { RoomFinder } from './room-finder.service';
import { RoomNotifier } from './room-notifier.service';

export type RoomRole = 'owner' | 'moderator' | 'leader';

interface RoleRules {
  permission: string;
  method: string;
  already: [RcErrorType, string];
  not: [RcErrorType, string];
}

const RULES: Record<RoomRole, { add: string; remove: string } & Omit<RoleRules, 'method'>> = {
  owner: {
    permission: 'set-owner',
    add: 'addRoomOwner',
    remove: 'removeRoomOwner',
    already: ['error-user-already-owner', 'User is already an owner'],
    not: ['error-user-not-owner', 'User is not an owner'],
  },
  moderator: {
    permission: 'set-moderator',
    add: 'addRoomModerator',
    remove: 'removeRoomModerator',
    already: ['error-user-already-moderator', 'User is already a moderator'],
    not: ['error-user-not-moderator', 'User is not a moderator'],
  },
  leader: {
    permission: 'set-leader',
    add: 'addRoomLeader',
    remove: 'removeRoomLeader',
    already: ['error-user-already-leader', 'User is already a leader'],
    not: ['error-user-not-leader', 'User is not a leader'],
  },
};

/**
 * Room-scoped roles on the subscription (`roles`): owner, moderator and leader, each changed with its own
 * permission held globally or in this room (`set-owner`, `set-moderator`, `set-leader`), announced with
 * `subscription-role-added` / `subscription-role-removed`. The last owner cannot be removed.
 */
@Injectable()
export class RoomRolesService {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly users: UsersRepository,
    private readonly sessions: UserSessionsService,
    private readonly membership: MembershipService,
    private readonly finder: RoomFinder,
    private readonly notifier: RoomNotifier,
  ) {}

  async change(kind: RoomKind, role: RoomRole, add: boolean, p: RoomUserPayload): Promise<Empty> {
    const rules = RULES[role];
    const method = add ? rules.add : rules.remove;
    const room = await this.finder.find(kind, p, p.caller._id);
    const target = await this.sessions.userFromParams(p);
    if (!(await this.membership.can(room._id, p.caller, rules.permission))) {
      throw Errors.notAllowed('Not allowed', { method });
    }
    if (!target.username) {
      throw Errors.invalidUser('Invalid user', { method });
    }
    const sub = await this.subscriptions.findByRoomAndUser(room._id, target._id, { roles: 1 });
    if (!sub) {
      throw RcError.failure('error-user-not-in-room', 'User is not in this room', { method });
    }
    const has = !!sub.roles?.includes(role);
    if (add && has) {
      throw RcError.failure(rules.already[0], rules.already[1], { method });
    }
    if (!add && !has) {
      throw RcError.failure(rules.not[0], rules.not[1], { method });
    }
    if (!add && role === 'owner' && (await this.subscriptions.count({ rid: room._id, roles: 'owner' })) === 1) {
      throw RcError.failure(
        'error-remove-last-owner',
        'This is the last owner. Please set a new owner before removing this one.',
        { method },
      );
    }
    const now = new Date();
    await this.subscriptions.updateOne(
      { _id: sub._id },
      add
        ? { $addToSet: { roles: role }, $set: { _updatedAt: now } }
        : { $pull: { roles: role }, $set: { _updatedAt: now } },
    );
    const actor = await this.users.findById(p.caller._id, { username: 1, name: 1 });
    const by: IUserRef = { _id: p.caller._id, username: actor?.username ?? p.caller.username, name: actor?.name };
    await this.notifier.systemMessage(
      p,
      room._id,
      add ? 'subscription-role-added' : 'subscription-role-removed',
      target.username,
      by,
      { role },
    );
    await this.notifier.membershipChanged(room._id, [target._id]);
    return {};
  }

  /** channels.roles / groups.roles (getRoomRoles): the members that hold room roles. */
  async roles(kind: RoomKind, p: RoomTargetPayload): Promise<{ roles: RoomRoleHolder[] }> {
    const room = await this.finder.find(kind, p, p.caller._id, { checkArchived: false });
    const subs = await this.subscriptions.find(
      { rid: room._id, 'roles.0': { $exists: true } },
      { projection: { rid: 1, u: 1, roles: 1 }, sort: { 'u.username': 1 } },
    );
    return {
      roles: subs.map((s) => ({ _id: s._id, rid: s.rid, u: s.u, roles: s.roles ?? [] })),
    };
  }

  /** channels.moderators / groups.moderators */
  async moderators(kind: RoomKind, p: RoomTargetPayload): Promise<{ moderators: IUserRef[] }> {
    const room = await this.finder.find(kind, p, p.caller._id, { checkArchived: false });
    const subs = await this.subscriptions.find({ rid: room._id, roles: 'moderator' }, { projection: { u: 1 } });
    return { moderators: subs.map((s) => s.u) };
  }
}
