import { Injectable } from '@nestjs/common';
import type { FilterQuery } from 'mongoose';
import {
  AuthUser,
  ChannelsOnlinePayload,
  Empty,
  IgnoreUserPayload,
  IUser,
  IUserRef,
  keyedRoom,
  Paged,
  RoomAddAllPayload,
  RoomInvitePayload,
  RoomJoinPayload,
  RoomKind,
  RoomMember,
  RoomMembersPayload,
  RoomResult,
  RoomTargetPayload,
  RoomUserPayload,
} from '@app/contracts';
import { randomId } from '@app/database';
import { Errors, RcError } from '@app/envelope';
import { AuthorizationService } from '../authorization/authorization.service';
import { escapeRegExp } from '../common/regex';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UserSessionsService } from '../users/user-sessions.service';
import { UsersRepository } from '../users/users.repository';
import { RoomFinder } from './room-finder.service';
import { RoomNotifier } from './room-notifier.service';
import type { RoomDoc, UserRef } from './room.types';
import { RoomsRepository } from './rooms.repository';
import { presentRoom } from './room-view';

type RoomRefDoc = Pick<RoomDoc, '_id' | 't' | 'name' | 'fname'>;

const MEMBER_FIELDS = { _id: 1, username: 1, name: 1, status: 1, statusText: 1, utcOffset: 1, avatarETag: 1 } as const;

const userRef = (u: Pick<IUser, '_id' | 'username' | 'name'>): IUserRef => ({
  _id: u._id,
  username: u.username ?? '',
  ...(u.name ? { name: u.name } : {}),
});

/** Users subscribed per bulk write, and announced side by side, when many join at once. */
const JOIN_BATCH = 500;

/** A new member's subscription: open, nothing unread, the room's names. */
function newSubscription(room: RoomRefDoc, user: UserRef, now: Date, roles?: string[]) {
  return {
    _id: randomId(),
    u: userRef(user),
    rid: room._id,
    t: room.t,
    name: room.name,
    fname: room.fname ?? room.name,
    open: true,
    alert: false,
    unread: 0,
    userMentions: 0,
    groupMentions: 0,
    ts: now,
    ls: now,
    _updatedAt: now,
    ...(roles?.length ? { roles } : {}),
  };
}

/**
 * Who is in a room: subscriptions created and removed (with the member count and Rocket.Chat's system messages
 * `uj`, `au`, `ul`, `ru`), invite, join (join codes), kick, leave (the last owner stays), addAll, open/close in the
 * sidebar, and the member lists.
 */
@Injectable()
export class MembershipService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly users: UsersRepository,
    private readonly sessions: UserSessionsService,
    private readonly authorization: AuthorizationService,
    private readonly finder: RoomFinder,
    private readonly notifier: RoomNotifier,
  ) {}

  /** The caller's global roles plus its room-scoped roles in this room (owner, moderator, leader). */
  async rolesIn(rid: string, caller: Pick<AuthUser, '_id' | 'roles'>): Promise<string[]> {
    const sub = await this.subscriptions.findByRoomAndUser(rid, caller._id, { roles: 1 });
    return [...caller.roles, ...(sub?.roles ?? [])];
  }

  async can(rid: string, caller: Pick<AuthUser, '_id' | 'roles'>, permission: string): Promise<boolean> {
    return this.authorization.hasPermission(await this.rolesIn(rid, caller), permission);
  }

  /**
   * Subscribes a user (idempotent: false when already a member) and counts the member; announces it with `au`
   * (added by `inviter`) or `uj` (joined) when asked, for the call whose payload is `call` (`systemMessage`).
   */
  async subscribe(
    room: RoomRefDoc,
    user: UserRef,
    options: { roles?: string[]; announce?: 'au' | 'uj'; call?: object; inviter?: IUserRef; now?: Date } = {},
  ): Promise<boolean> {
    const now = options.now ?? new Date();
    const res = await this.subscriptions.updateOne(
      { rid: room._id, 'u._id': user._id },
      { $setOnInsert: newSubscription(room, user, now, options.roles) },
      { upsert: true },
    );
    if (!res.upserted) {
      return false;
    }
    await this.rooms.updateOne({ _id: room._id }, { $inc: { usersCount: 1 }, $set: { _updatedAt: now } });
    if (options.announce === 'au' && options.inviter) {
      await this.notifier.systemMessage(options.call ?? {}, room._id, 'au', user.username ?? '', options.inviter);
    } else if (options.announce === 'uj') {
      await this.notifier.systemMessage(options.call ?? {}, room._id, 'uj', user.username ?? '', userRef(user));
    }
    await this.notifier.membershipChanged(room._id, [user._id]);
    return true;
  }

  /**
   * Many users join at once (channels.addAll): their subscriptions in bulk writes of `JOIN_BATCH` upserts (a
   * user already in the room is left as is), one counter update, and the `uj` messages and cache drops of the
   * users that joined sent side by side, so a server with thousands of users answers within the call's time.
   */
  private async subscribeAll(call: object, room: RoomRefDoc, users: UserRef[], now: Date): Promise<void> {
    const joined: UserRef[] = [];
    for (let i = 0; i < users.length; i += JOIN_BATCH) {
      const batch = users.slice(i, i + JOIN_BATCH);
      const upserted = await this.subscriptions.bulkWrite(
        batch.map((user) => ({
          updateOne: {
            filter: { rid: room._id, 'u._id': user._id },
            update: { $setOnInsert: newSubscription(room, user, now) },
            upsert: true,
          },
        })),
      );
      joined.push(...upserted.map((index) => batch[index]));
    }
    if (!joined.length) {
      return;
    }
    await this.rooms.updateOne({ _id: room._id }, { $inc: { usersCount: joined.length }, $set: { _updatedAt: now } });
    for (let i = 0; i < joined.length; i += JOIN_BATCH) {
      const batch = joined.slice(i, i + JOIN_BATCH);
      await Promise.all(
        batch.map((user) => this.notifier.systemMessage(call, room._id, 'uj', user.username ?? '', userRef(user))),
      );
      await this.notifier.membershipChanged(
        room._id,
        batch.map((user) => user._id),
      );
    }
  }

  /** Removes a user's subscription and counts it; announces `ul` (left) or `ru` (removed by `by`). */
  async unsubscribe(
    call: object,
    room: RoomRefDoc,
    user: UserRef,
    announce: { t: 'ul' } | { t: 'ru'; by: IUserRef },
  ): Promise<void> {
    const removed = await this.subscriptions.deleteOne({ rid: room._id, 'u._id': user._id });
    if (!removed) {
      return;
    }
    await this.rooms.updateOne({ _id: room._id }, { $inc: { usersCount: -1 }, $set: { _updatedAt: new Date() } });
    if (announce.t === 'ul') {
      await this.notifier.systemMessage(call, room._id, 'ul', user.username ?? '', userRef(user));
    } else {
      await this.notifier.systemMessage(call, room._id, 'ru', user.username ?? '', announce.by);
    }
    await this.notifier.membershipChanged(room._id, [user._id]);
  }

  async joinDefaultChannels(user: UserRef): Promise<void> {
    const rooms = await this.rooms.find<RoomDoc>(
      { default: true, t: { $in: ['c', 'p'] } },
      { projection: { _id: 1, t: 1, name: 1, fname: 1 } },
    );
    for (const room of rooms) {
      await this.subscribe(room, user);
    }
  }

  private async me(caller: AuthUser): Promise<UserRef> {
    const user = await this.users.findById<UserRef>(caller._id, { _id: 1, username: 1, name: 1, roles: 1 });
    if (!user) {
      throw Errors.invalidUser();
    }
    return user;
  }

  private async refreshed(kind: RoomKind, room: RoomDoc): Promise<RoomResult> {
    return keyedRoom(kind, presentRoom((await this.rooms.findById<RoomDoc>(room._id)) ?? room));
  }

  /** Rocket.Chat's getUserListFromParams: any of userId, userIds, username, usernames (unknown ones dropped). */
  private async inviteList(p: RoomInvitePayload): Promise<UserRef[]> {
    const sole = p.userId || p.username;
    const list = [...new Set([...(p.userIds ?? p.usernames ?? []), sole].filter((x): x is string => !!x))];
    if (!list.length) {
      throw RcError.failure(
        'error-users-params-not-provided',
        'Please provide "userId" or "username" or "userIds" or "usernames" as param',
      );
    }
    const projection = { _id: 1, username: 1, name: 1, roles: 1 } as const;
    if (p.userIds || p.userId) {
      return this.users.find<UserRef>({ _id: { $in: list } }, { projection });
    }
    return this.users.find<UserRef>(
      { $or: list.map((name) => ({ username: new RegExp(`^${escapeRegExp(name)}$`, 'i') })) },
      { projection },
    );
  }

  /** channels.invite / groups.invite (addUsersToRoom) */
  async invite(kind: RoomKind, p: RoomInvitePayload): Promise<RoomResult> {
    const room = await this.finder.find(kind, p, p.caller._id);
    const users = (await this.inviteList(p)).filter((u) => u.username);
    if (!users.length) {
      throw kind.t === 'c'
        ? RcError.apiFailure('invalid-user-invite-list', 'Cannot invite if no users are provided')
        : RcError.failure('error-empty-invite-list', 'Cannot invite if no valid users are provided');
    }
    const inRoom = await this.subscriptions.exists({ rid: room._id, 'u._id': p.caller._id });
    const allowed =
      (inRoom && (await this.can(room._id, p.caller, 'add-user-to-joined-room'))) ||
      (await this.authorization.hasPermission(p.caller.roles, `add-user-to-any-${kind.t}-room`));
    if (!allowed) {
      throw Errors.notAllowed('Not allowed', { method: 'addUsersToRoom' });
    }
    const inviter = userRef(await this.me(p.caller));
    for (const user of users) {
      await this.subscribe(room, user, { announce: 'au', call: p, inviter });
    }
    return this.refreshed(kind, room);
  }

  /** channels.join (Rocket.Chat's Room.join): public channels, with the join code unless exempt. */
  async join(kind: RoomKind, p: RoomJoinPayload): Promise<RoomResult> {
    const room = await this.finder.find(kind, p, p.caller._id);
    if (!(await this.authorization.hasPermission(p.caller.roles, 'view-c-room'))) {
      throw Errors.notAllowed('Not allowed', { method: 'joinRoom' });
    }
    const stored = await this.rooms.findById<RoomDoc & { joinCode?: string }>(room._id, { joinCode: 1 });
    if (
      room.joinCodeRequired === true &&
      !(await this.authorization.hasPermission(p.caller.roles, 'join-without-join-code')) &&
      p.joinCode !== stored?.joinCode
    ) {
      throw RcError.failure('error-code-invalid', 'Invalid Code', { method: 'joinRoom' });
    }
    await this.subscribe(room, await this.me(p.caller), { announce: 'uj', call: p });
    return this.refreshed(kind, room);
  }

  /** channels.kick / groups.kick (removeUserFromRoom): `remove-user` in the room; the last owner stays. */
  async kick(kind: RoomKind, p: RoomUserPayload): Promise<RoomResult> {
    const room = await this.finder.find(kind, p, p.caller._id);
    const target = await this.sessions.userFromParams(p);
    if (!target.username) {
      throw RcError.plain('Invalid user');
    }
    if (!(await this.can(room._id, p.caller, 'remove-user'))) {
      throw Errors.notAllowed('Not allowed', { method: 'removeUserFromRoom' });
    }
    const sub = await this.subscriptions.findByRoomAndUser(room._id, target._id, { roles: 1 });
    if (!sub) {
      throw RcError.failure('error-user-not-in-room', 'User is not in this room', { method: 'removeUserFromRoom' });
    }
    if (sub.roles?.includes('owner') && (await this.subscriptions.count({ rid: room._id, roles: 'owner' })) === 1) {
      throw RcError.failure(
        'error-you-are-last-owner',
        'This is the last owner. Please set a new owner before removing this one.',
        { method: 'removeUserFromRoom' },
      );
    }
    await this.unsubscribe(p, room, target, { t: 'ru', by: userRef(await this.me(p.caller)) });
    return kind.t === 'c' ? this.refreshed(kind, room) : {};
  }

  /** channels.leave / groups.leave (leaveRoom): `leave-c` / `leave-p`; the last owner must name another first. */
  async leave(kind: RoomKind, p: RoomTargetPayload): Promise<RoomResult> {
    const room = await this.finder.find(kind, p, p.caller._id);
    if (!(await this.authorization.hasPermission(p.caller.roles, `leave-${kind.t}`))) {
      throw Errors.notAllowed('Not allowed', { method: 'leaveRoom' });
    }
    const sub = await this.subscriptions.findByRoomAndUser(room._id, p.caller._id, { roles: 1 });
    if (!sub) {
      throw RcError.failure('error-user-not-in-room', 'You are not in this room', { method: 'leaveRoom' });
    }
    if (sub.roles?.includes('owner') && (await this.subscriptions.count({ rid: room._id, roles: 'owner' })) === 1) {
      throw RcError.failure(
        'error-you-are-last-owner',
        'You are the last owner. Please set new owner before leaving the room.',
        { method: 'leaveRoom' },
      );
    }
    await this.unsubscribe(p, room, await this.me(p.caller), { t: 'ul' });
    return kind.t === 'c' ? this.refreshed(kind, room) : {};
  }

  /** channels.addAll: every (active) user joins the channel. */
  async addAll(kind: RoomKind, p: RoomAddAllPayload): Promise<RoomResult> {
    const room = await this.finder.find(kind, p, p.caller._id);
    if (!(await this.can(room._id, p.caller, 'add-all-to-room'))) {
      throw RcError.failure('403', 'Access to Method Forbidden', { method: 'addAllToRoom' });
    }
    const filter: FilterQuery<IUser> = { username: { $exists: true }, ...(p.activeUsersOnly ? { active: true } : {}) };
    const users = await this.users.find<UserRef>(filter, { projection: { _id: 1, username: 1, name: 1, roles: 1 } });
    await this.subscribeAll(p, room, users, new Date());
    return this.refreshed(kind, room);
  }

  /** channels.open / groups.open (openRoom): back in the caller's sidebar. */
  async open(kind: RoomKind, p: RoomTargetPayload): Promise<Empty> {
    const room = await this.finder.find(kind, p, p.caller._id, { checkArchived: false });
    const sub = await this.subscriptions.findByRoomAndUser(room._id, p.caller._id, { open: 1 });
    if (!sub) {
      throw RcError.plain(`The user/callee is not in the ${kind.noun} "${room.name}".`);
    }
    if (sub.open) {
      throw RcError.plain(`The ${kind.noun}, ${room.name}, is already open to the sender`);
    }
    await this.subscriptions.updateOne({ _id: sub._id }, { $set: { open: true, _updatedAt: new Date() } });
    await this.notifier.membershipChanged(room._id, [p.caller._id]);
    return {};
  }

  /** channels.close / groups.close (hideRoom): out of the caller's sidebar. */
  async close(kind: RoomKind, p: RoomTargetPayload): Promise<Empty> {
    const room = await this.finder.find(kind, p, p.caller._id, { checkArchived: false });
    const sub = await this.subscriptions.findByRoomAndUser(room._id, p.caller._id, { open: 1 });
    if (!sub) {
      throw RcError.plain(`The user/callee is not in the ${kind.noun} "${room.name}.`);
    }
    if (!sub.open) {
      throw RcError.plain(`The ${kind.noun}, ${room.name}, is already closed to the sender`);
    }
    await this.subscriptions.updateOne(
      { _id: sub._id },
      { $set: { open: false, alert: false, _updatedAt: new Date() } },
    );
    await this.notifier.membershipChanged(room._id, [p.caller._id]);
    return {};
  }

  /** channels.members / groups.members (findUsersOfRoom): `status[]`, `filter` on username and name, paging. */
  async members(kind: RoomKind, p: RoomMembersPayload): Promise<Paged<'members', RoomMember>> {
    const room = await this.finder.find(kind, p, p.caller._id, { checkArchived: false });
    if (room.broadcast && !(await this.can(room._id, p.caller, 'view-broadcast-member-list'))) {
      throw RcError.forbidden();
    }
    const subs = await this.subscriptions.find({ rid: room._id }, { projection: { 'u._id': 1 } });
    const filter: FilterQuery<IUser> = {
      _id: { $in: subs.map((s) => s.u._id) },
      active: true,
      ...(p.status?.length ? { status: { $in: p.status } } : {}),
    };
    if (p.filter) {
      const re = new RegExp(escapeRegExp(p.filter), 'i');
      filter.$or = [{ username: re }, { name: re }];
    }
    const [members, total] = await Promise.all([
      this.users.find<RoomMember>(filter, {
        projection: MEMBER_FIELDS,
        sort: p.sort && Object.keys(p.sort).length ? p.sort : { username: 1 },
        skip: p.offset,
        limit: p.count,
      }),
      this.users.count(filter),
    ]);
    return { members, count: members.length, offset: p.offset, total };
  }

  /** channels.online: the room's members who are not offline (by `_id`, or a 5.x `query` on the room). */
  async online(p: ChannelsOnlinePayload): Promise<{ online: Pick<IUserRef, '_id' | 'username'>[] }> {
    const rid = p._id ?? (typeof p.query?._id === 'string' ? p.query._id : undefined);
    const name = typeof p.query?.name === 'string' ? p.query.name : undefined;
    if (!rid && !name) {
      throw RcError.plain('Invalid query');
    }
    const room = await this.rooms.findOne<RoomDoc>({ ...(rid ? { _id: rid } : { name }), t: 'c' });
    if (!room) {
      throw RcError.plain('Channel does not exists');
    }
    if (!(await this.authorization.hasPermission(p.caller.roles, 'view-c-room'))) {
      throw Errors.notAllowed('Not Allowed');
    }
    const subs = await this.subscriptions.find({ rid: room._id }, { projection: { 'u._id': 1 } });
    const online = await this.users.find<Pick<IUserRef, '_id' | 'username'>>(
      { _id: { $in: subs.map((s) => s.u._id) }, status: { $ne: 'offline' }, username: { $exists: true } },
      { projection: { _id: 1, username: 1 } },
    );
    return { online };
  }

  /** chat.ignoreUser: the caller's subscription hides (or shows again) another member's messages. */
  async ignoreUser(p: IgnoreUserPayload): Promise<Empty> {
    const mine = await this.subscriptions.findByRoomAndUser(p.rid, p.caller._id, { _id: 1 });
    const theirs = mine ? await this.subscriptions.findByRoomAndUser(p.rid, p.userId, { _id: 1 }) : null;
    if (!mine || !theirs) {
      throw RcError.failure('error-invalid-subscription', 'Invalid subscription', { method: 'ignoreUser' });
    }
    await this.subscriptions.updateOne(
      { _id: mine._id },
      p.ignore
        ? { $addToSet: { ignored: p.userId }, $set: { _updatedAt: new Date() } }
        : { $pull: { ignored: p.userId }, $set: { _updatedAt: new Date() } },
    );
    await this.notifier.membershipChanged(p.rid, [p.caller._id]);
    return {};
  }
}
