import { Injectable } from '@nestjs/common';
import type { FilterQuery, ProjectionType } from 'mongoose';
import {
  AuthUser,
  DirectMember,
  DirectRefPayload,
  DirectRoomView,
  Empty,
  ImCreatePayload,
  ImMembersPayload,
  ImSetTopicPayload,
  ImTargetPayload,
  IRoom,
  IUser,
  ListPayload,
  Paged,
  PageRequest,
  RoomView,
} from '@app/contracts';
import { randomId } from '@app/database';
import { Errors, RcError } from '@app/envelope';
import { reviveQuery } from '@app/paging';
import { AuthorizationService } from '../authorization/authorization.service';
import { escapeRegExp } from '../common/regex';
import { SettingsService } from '../settings/settings.service';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UsersRepository } from '../users/users.repository';
import { MembershipService } from './membership.service';
import { RoomNotifier } from './room-notifier.service';
import { presentRoom } from './room-view';
import type { RoomDoc, UserRef } from './room.types';
import { RoomsRepository } from './rooms.repository';
import { RoomVisibility } from './room-visibility.service';

const USER_FIELDS = { _id: 1, username: 1, name: 1, roles: 1, active: 1 } as const;
const MEMBER_FIELDS = { _id: 1, username: 1, name: 1, status: 1, statusText: 1, utcOffset: 1, avatarETag: 1 } as const;
const HIDDEN = { joinCode: 0, members: 0, importIds: 0, e2e: 0 };

type Member = Pick<IUser, '_id' | 'username' | 'name' | 'roles' | 'active'>;

const notAllowed = () => Errors.notAllowed('Not allowed', { method: 'createDirectMessage' });
const invalidUser = () => Errors.invalidUser('Invalid user', { method: 'createDirectMessage' });
const sameName = (a: string | undefined, b: string | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();

/**
 * Direct messages (Rocket.Chat's createDirectMessage / createDirectRoom and the im.* room endpoints): a
 * one-to-one DM is one room whose id is both user ids sorted and joined (created once, found again after), a
 * group DM gets an id of its own; `create-d` creates, `view-d-room` alone only finds an existing DM;
 * `Message_AllowDirectMessagesToYourself` and `DirectMesssage_maxUsers` are honoured. A DM is visible to its
 * members only: anyone else is refused exactly as for a DM that does not exist.
 */
@Injectable()
export class DirectMessagesService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly users: UsersRepository,
    private readonly authorization: AuthorizationService,
    private readonly settings: SettingsService,
    private readonly membership: MembershipService,
    private readonly visibility: RoomVisibility,
    private readonly notifier: RoomNotifier,
  ) {}

  /** im.create / dm.create */
  async create(p: ImCreatePayload): Promise<{ room: DirectRoomView }> {
    const names =
      p.username !== undefined
        ? [p.username.trim()]
        : (p.usernames ?? '')
            .split(',')
            .map((u) => u.trim())
            .filter(Boolean);
    const room = await this.createDirect(p.caller, names, p.excludeSelf === true);
    return { room: { ...presentRoom(room), rid: room._id } };
  }

  /**
   * The DM of `me` with the users named (created when missing). Unknown users are refused; without `create-d`
   * a caller with `view-d-room` still gets a DM that exists.
   */
  async createDirect(caller: Pick<AuthUser, '_id' | 'roles'>, usernames: string[], excludeSelf = false) {
    const me = await this.users.findById<Member>(caller._id, USER_FIELDS);
    if (!me?.username || !usernames.length || usernames.some((u) => !u)) {
      throw invalidUser();
    }
    const toSelf = usernames.length === 1 && sameName(usernames[0], me.username);
    if (toSelf && !(await this.settings.boolean('Message_AllowDirectMessagesToYourself', true))) {
      throw invalidUser();
    }
    const others: Member[] = [];
    for (const name of usernames.filter((u) => !sameName(u, me.username))) {
      const user = await this.users.findByUsername<Member>(name, USER_FIELDS);
      if (!user?.username) {
        throw invalidUser();
      }
      if (!others.some((o) => o._id === user._id)) {
        others.push(user);
      }
    }
    const members = excludeSelf ? others : [me, ...others];
    // a DM without the caller needs two others at least (Rocket.Chat allows self-DMs only with oneself)
    if (!members.length || (members.length === 1 && members[0]._id !== me._id)) {
      throw invalidUser();
    }
    const maxUsers = await this.settings.number('DirectMesssage_maxUsers', 8);
    if (members.length > Math.max(maxUsers, 1)) {
      throw RcError.failure(
        'error-direct-message-max-user-exceeded',
        `You cannot add more than ${maxUsers} users, including yourself to a direct message`,
        { method: 'createDirectRoom' },
      );
    }
    const uids = [...new Set(members.map((m) => m._id))].sort();
    const existing = await this.findDirect(uids);
    if (!(await this.authorization.hasPermission(caller.roles, 'create-d'))) {
      if (existing && (await this.authorization.hasPermission(caller.roles, 'view-d-room'))) {
        return existing;
      }
      throw notAllowed();
    }
    const openForAll =
      excludeSelf && (await this.authorization.hasPermission(caller.roles, 'view-room-administration'));
    return this.ensureRoom(uids, members, me._id, existing, openForAll);
  }

  /**
   * The one-to-one DM of `me` with the user named (chat.postMessage to `@username`, im.* by `username`): null
   * when no such user exists; created when missing, under the same rules as im.create.
   */
  async directRoomFor(me: Pick<AuthUser, '_id' | 'roles'>, username: string): Promise<RoomDoc | null> {
    const other = await this.users.findByUsername<Member>(username, USER_FIELDS);
    if (!other?.username) {
      return null;
    }
    return this.createDirect(me, [other.username]);
  }

  /** The DM of exactly these users (a one-to-one DM by its composed id, others by their members). */
  private async findDirect(uids: string[]): Promise<RoomDoc | null> {
    if (uids.length === 2) {
      return this.rooms.findOne<RoomDoc>({ _id: uids.join(''), t: 'd' });
    }
    return this.rooms.findOne<RoomDoc>({ t: 'd', uids: { $size: uids.length, $all: uids } });
  }

  private async ensureRoom(
    uids: string[],
    members: Member[],
    creatorId: string,
    existing: RoomDoc | null,
    openForAll: boolean,
  ): Promise<RoomDoc> {
    const now = new Date();
    const byName = [...members].sort((a, b) => (a.name || a.username!).localeCompare(b.name || b.username!));
    let rid = existing?._id;
    if (!rid) {
      rid = uids.length === 2 ? uids.join('') : randomId();
      await this.rooms.updateOne(
        { _id: rid },
        {
          $setOnInsert: {
            _id: rid,
            t: 'd',
            usernames: byName.map((m) => m.username!),
            uids,
            usersCount: uids.length,
            msgs: 0,
            ts: now,
            _updatedAt: now,
            // a DM with someone inactive is read-only until they are active again (as on deactivation)
            ...(members.some((m) => m.active === false) ? { ro: true, reactWhenReadOnly: false } : {}),
          },
        },
        { upsert: true },
      );
      await this.notifier.roomChanged(rid);
    }
    const changed: string[] = [];
    for (const member of members) {
      const peers = byName.filter((m) => m._id !== member._id);
      const shown = peers.length ? peers : [member];
      const opens = member._id === creatorId || openForAll;
      const res = await this.subscriptions.updateOne(
        { rid, 'u._id': member._id },
        {
          ...(opens ? { $set: { open: true, _updatedAt: now } } : {}),
          $setOnInsert: {
            _id: randomId(),
            u: { _id: member._id, username: member.username, ...(member.name ? { name: member.name } : {}) },
            rid,
            t: 'd',
            name: shown.map((m) => m.username).join(', '),
            fname: shown.map((m) => m.name || m.username).join(', '),
            // the other side of a one-to-one DM sees it once a message arrives
            ...(opens ? {} : { open: members.length > 2, _updatedAt: now }),
            alert: false,
            unread: 0,
            userMentions: 0,
            groupMentions: 0,
            ts: now,
            ls: now,
          },
        },
        { upsert: true },
      );
      if (res.upserted || res.modified) {
        changed.push(member._id);
      }
    }
    if (changed.length) {
      await this.notifier.membershipChanged(rid, changed);
    }
    return (await this.rooms.findById<RoomDoc>(rid))!;
  }

  /** The DM named by `roomId` (or, where allowed, by the other party's `username`) that the caller is in. */
  async findForMember(ref: DirectRefPayload, options: { byUsername?: boolean } = {}): Promise<RoomDoc> {
    let room: RoomDoc | null = null;
    if (ref.roomId) {
      room = await this.rooms.findById<RoomDoc>(ref.roomId);
    } else if (options.byUsername && ref.username) {
      room = await this.directRoomFor(ref.caller, ref.username);
      if (!room) {
        throw RcError.failure('invalid-channel');
      }
    } else {
      throw RcError.failure('error-room-param-not-provided', 'Query param "roomId" or "username" is required');
    }
    // a DM the caller is not in is refused exactly like one that does not exist
    if (!room || !(await this.visibility.canAccess(room, ref.caller))) {
      throw RcError.forbidden();
    }
    if (room.t !== 'd') {
      throw RcError.failure('invalid-channel');
    }
    return room;
  }

  /** im.open: back in the caller's sidebar (already open is fine). */
  async open(p: ImTargetPayload): Promise<Empty> {
    const room = await this.findForMember(p);
    const res = await this.subscriptions.updateOne(
      { rid: room._id, 'u._id': p.caller._id, open: { $ne: true } },
      { $set: { open: true, _updatedAt: new Date() } },
    );
    if (res.modified) {
      await this.notifier.membershipChanged(room._id, [p.caller._id]);
    }
    return {};
  }

  /** im.close: out of the caller's sidebar. A subscription to a room that is gone can still be closed. */
  async close(p: ImTargetPayload): Promise<Empty> {
    const rid = p.roomId ?? '';
    const gone = !(await this.rooms.exists({ _id: rid }));
    if (!gone) {
      await this.findForMember(p);
    }
    const sub = await this.subscriptions.findByRoomAndUser(rid, p.caller._id, { open: 1 });
    if (!sub) {
      throw RcError.forbidden();
    }
    if (!sub.open) {
      throw RcError.plain('The direct message room, is already closed to the sender');
    }
    await this.subscriptions.updateOne(
      { _id: sub._id },
      { $set: { open: false, alert: false, _updatedAt: new Date() } },
    );
    await this.notifier.membershipChanged(rid, [p.caller._id]);
    return {};
  }

  /** im.setTopic: saveRoomSettings' `roomTopic`; DM members hold no room roles, so `edit-room` is global here. */
  async setTopic(p: ImSetTopicPayload): Promise<{ topic?: string | null }> {
    const room = await this.findForMember(p);
    if (!(await this.membership.can(room._id, p.caller, 'edit-room'))) {
      throw Errors.actionNotAllowed('Editing room is not allowed', {
        method: 'saveRoomSettings',
        action: 'Editing_room',
      });
    }
    const topic = p.topic ?? '';
    await this.rooms.updateOne({ _id: room._id }, { $set: { topic, _updatedAt: new Date() } });
    await this.notifier.roomChanged(room._id);
    const actor = await this.users.findById<UserRef>(p.caller._id, { username: 1, name: 1 });
    await this.notifier.systemMessage(p, room._id, 'room_changed_topic', topic, {
      _id: p.caller._id,
      username: actor?.username ?? p.caller.username,
      ...(actor?.name ? { name: actor.name } : {}),
    });
    return p.topic === undefined ? {} : { topic: p.topic };
  }

  /** im.members: the DM's active users (status and name filters), each with its subscription's ts and roles. */
  async members(p: ImMembersPayload): Promise<Paged<'members', DirectMember>> {
    const room = await this.findForMember(p, { byUsername: true });
    const filter: FilterQuery<IUser> = {
      _id: { $in: room.uids ?? [] },
      active: true,
      ...(p.status?.length ? { status: { $in: p.status } } : {}),
    };
    if (p.filter) {
      const re = new RegExp(escapeRegExp(p.filter), 'i');
      filter.$or = [{ username: re }, { name: re }];
    }
    const [users, total] = await Promise.all([
      this.users.find<DirectMember>(filter, {
        projection: MEMBER_FIELDS,
        sort: { username: p.sort?.username === -1 ? -1 : 1 },
        skip: p.offset,
        limit: p.count,
      }),
      this.users.count(filter),
    ]);
    const subs = await this.subscriptions.find(
      { rid: room._id, 'u._id': { $in: users.map((u) => u._id) } },
      { projection: { u: 1, ts: 1, roles: 1, status: 1, rid: 1 } },
    );
    const members = users.map((user) => {
      const sub = subs.find((s) => s.u._id === user._id);
      if (!sub) {
        return user;
      }
      const { u: _u, ...subscription } = sub;
      return { ...user, subscription };
    });
    return { members, count: members.length, offset: p.offset, total };
  }

  private async page(filter: FilterQuery<IRoom>, page: PageRequest): Promise<Paged<'ims', RoomView>> {
    const projection = page.fields && Object.keys(page.fields).length ? page.fields : HIDDEN;
    const [ims, total] = await Promise.all([
      this.rooms.find<RoomDoc>(filter, {
        projection: projection as ProjectionType<IRoom>,
        sort: page.sort ?? { name: 1 },
        skip: page.offset,
        limit: page.count,
      }),
      this.rooms.count(filter),
    ]);
    return { ims: ims.map((r) => presentRoom(r)), count: ims.length, offset: page.offset, total };
  }

  /** im.list: the caller's DMs. */
  async list(p: ListPayload): Promise<Paged<'ims', RoomView>> {
    const subs = await this.subscriptions.find({ 'u._id': p.caller._id, t: 'd' }, { projection: { rid: 1 } });
    return this.page({ t: 'd', _id: { $in: subs.map((s) => s.rid) } }, p.page);
  }

  /**
   * im.list.everyone: every DM of the server, for room administrators (`view-room-administration`; unlike
   * im.messages.others, no setting gates it in any Rocket.Chat version).
   */
  async listEveryone(p: ListPayload): Promise<Paged<'ims', RoomView>> {
    if (!(await this.authorization.hasPermission(p.caller.roles, 'view-room-administration'))) {
      throw RcError.forbidden();
    }
    return this.page({ ...(p.page.query ? reviveQuery(p.page.query) : {}), t: 'd' }, p.page);
  }
}
