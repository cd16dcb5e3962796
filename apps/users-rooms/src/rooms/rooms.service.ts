import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, ProjectionType } from 'mongoose';
import {
  AuthorizePostPayload,
  AuthorizePostResult,
  AuthorizeReadPayload,
  AuthorizeReadResult,
  AuthUser,
  ChannelsCreatePayload,
  Doc,
  MessageMention,
  MessageSentEvent,
  PageRequest,
  RcEvent,
  RoomRef,
} from '@app/contracts';
import { randomId } from '@app/database';
import { RcError } from '@app/envelope';
import { reviveQuery } from '@app/paging';
import { EventBus, REDIS_CLIENT } from '@app/transport';
import type Redis from 'ioredis';
import { AuthorizationService } from '../authorization/authorization.service';
import { exactInsensitive, matchesNamePattern } from '../common/regex';
import { SettingsService } from '../settings/settings.service';
import { User } from '../users/schemas/user.schema';
import { HIDDEN_ROOM_FIELDS, Room } from './schemas/room.schema';
import { Subscription } from './schemas/subscription.schema';

type RoomDoc = Room & Record<string, unknown>;
type UserRef = Pick<User, '_id' | 'username' | 'name' | 'roles'>;

const ROOM_NOT_FOUND = 'The required "roomId" or "roomName" param provided does not match any channel';

/** Owner of rooms and subscriptions: creation, membership, access rules, counters. */
@Injectable()
export class RoomsService {
  constructor(
    @InjectModel(Room.name) private readonly rooms: Model<Room>,
    @InjectModel(Subscription.name) private readonly subscriptions: Model<Subscription>,
    @InjectModel(User.name) private readonly users: Model<User>,
    private readonly settings: SettingsService,
    private readonly authorization: AuthorizationService,
    private readonly events: EventBus,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  /** A room as the API shows it: without joinCode, members, importIds, e2e. */
  static present(room: Record<string, unknown>): Doc {
    const out = { ...room };
    for (const f of HIDDEN_ROOM_FIELDS) {
      delete out[f];
    }
    return out;
  }

  async createChannel(p: ChannelsCreatePayload): Promise<{ channel: Doc }> {
    const { caller } = p;
    if (!(await this.authorization.hasPermission(caller.roles, 'create-c'))) {
      throw RcError.forbidden();
    }
    if (!p.name) {
      throw RcError.plain('Body param "name" is required');
    }
    const pattern = await this.settings.get<string>('UTF8_Channel_Names_Validation');
    if (!matchesNamePattern(p.name, pattern)) {
      throw RcError.failure('error-invalid-room-name', `${p.name} is not a valid room name`, { channelName: p.name });
    }
    if (await this.rooms.exists({ name: exactInsensitive(p.name) })) {
      throw RcError.failure('error-duplicate-channel-name', `A channel with name '${p.name}' exists`, {
        channelName: p.name,
      });
    }
    const owner = await this.users.findById(caller._id, { _id: 1, username: 1, name: 1, roles: 1 }).lean<UserRef>();
    if (!owner) {
      throw RcError.failure('error-invalid-user', 'Invalid user');
    }
    const memberNames = [...new Set((p.members ?? []).filter((m) => typeof m === 'string' && m !== owner.username))];
    const members = memberNames.length
      ? await this.users
          .find({ username: { $in: memberNames }, active: true }, { _id: 1, username: 1, name: 1, roles: 1 })
          .lean<UserRef[]>()
      : [];
    const now = new Date();
    const extra = p.extraData ?? {};
    const room: RoomDoc = {
      _id: randomId(),
      t: 'c',
      name: p.name,
      fname: p.name,
      u: { _id: owner._id, username: owner.username! },
      msgs: 0,
      usersCount: 0,
      ts: now,
      ro: p.readOnly === true,
      default: false,
      sysMes: true,
      _updatedAt: now,
      ...(p.customFields ? { customFields: p.customFields } : {}),
      ...(typeof extra.broadcast === 'boolean' ? { broadcast: extra.broadcast } : {}),
      ...(typeof extra.encrypted === 'boolean' ? { encrypted: extra.encrypted } : {}),
      ...(typeof extra.description === 'string' ? { description: extra.description } : {}),
      ...(typeof extra.topic === 'string' ? { topic: extra.topic } : {}),
    };
    try {
      await this.rooms.create(room);
    } catch (err) {
      if ((err as { code?: number }).code === 11000) {
        throw RcError.failure('error-duplicate-channel-name', `A channel with name '${p.name}' exists`, {
          channelName: p.name,
        });
      }
      throw err;
    }
    if (!p.excludeSelf) {
      await this.addSubscription(room, owner, ['owner'], now);
    }
    for (const m of members) {
      await this.addSubscription(room, m, undefined, now);
    }
    const stored = await this.rooms.findById(room._id).lean();
    await this.events.publish(RcEvent.RoomChanged, { rid: room._id });
    return { channel: RoomsService.present(stored as unknown as Record<string, unknown>) };
  }

  /** Subscribes a user to a room (idempotent) and counts the member. */
  async addSubscription(
    room: Pick<RoomDoc, '_id' | 't' | 'name' | 'fname'>,
    user: UserRef,
    roles?: string[],
    now = new Date(),
  ): Promise<boolean> {
    const res = await this.subscriptions.updateOne(
      { rid: room._id, 'u._id': user._id },
      {
        $setOnInsert: {
          _id: randomId(),
          u: { _id: user._id, username: user.username, ...(user.name ? { name: user.name } : {}) },
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
        },
      },
      { upsert: true },
    );
    if (res.upsertedCount) {
      await this.rooms.updateOne({ _id: room._id }, { $inc: { usersCount: 1 }, $set: { _updatedAt: now } });
      return true;
    }
    return false;
  }

  async joinDefaultChannels(user: UserRef): Promise<void> {
    const rooms = await this.rooms
      .find({ default: true, t: { $in: ['c', 'p'] } }, { _id: 1, t: 1, name: 1, fname: 1 })
      .lean<RoomDoc[]>();
    for (const room of rooms) {
      await this.addSubscription(room, user);
    }
  }

  /** channels.*: roomId or roomName, type c only (Rocket.Chat's findChannelByIdOrName). */
  async findChannel(ref: RoomRef, projection?: ProjectionType<Room>): Promise<RoomDoc> {
    if (!ref.roomId?.trim() && !ref.roomName?.trim()) {
      throw RcError.failure('error-roomid-param-not-provided', 'The parameter "roomId" or "roomName" is required');
    }
    const filter: FilterQuery<Room> = ref.roomId ? { _id: ref.roomId } : { name: ref.roomName!.replace(/^#/, '') };
    const room = await this.rooms.findOne(filter, projection).lean<RoomDoc>();
    if (!room || (room.t !== 'c' && room.t !== 'l')) {
      throw RcError.failure('error-room-not-found', ROOM_NOT_FOUND);
    }
    return room;
  }

  async channelInfo(ref: RoomRef): Promise<{ channel: Doc }> {
    const room = await this.findChannel(ref);
    return { channel: RoomsService.present(room) };
  }

  async listChannels(
    caller: AuthUser,
    page: PageRequest,
  ): Promise<{ channels: Doc[]; count: number; offset: number; total: number }> {
    const canViewAll = await this.authorization.hasPermission(caller.roles, 'view-c-room');
    const canViewJoined = canViewAll || (await this.authorization.hasPermission(caller.roles, 'view-joined-room'));
    if (!canViewJoined) {
      throw RcError.forbidden();
    }
    const filter: FilterQuery<Room> = { ...(page.query ? reviveQuery(page.query) : {}), t: 'c' };
    if (!canViewAll) {
      const rids = await this.subscriptions.find({ 'u._id': caller._id, t: 'c' }, { rid: 1 }).lean();
      filter._id = { $in: rids.map((s) => s.rid) };
    }
    const projection =
      page.fields && Object.keys(page.fields).length ? page.fields : { joinCode: 0, members: 0, importIds: 0, e2e: 0 };
    const [channels, total] = await Promise.all([
      this.rooms
        .find(filter, projection as ProjectionType<Room>)
        .sort(page.sort ?? { name: 1 })
        .skip(page.offset)
        .limit(page.count)
        .lean(),
      this.rooms.countDocuments(filter),
    ]);
    return {
      channels: channels.map((c) => RoomsService.present(c as unknown as Record<string, unknown>)),
      count: channels.length,
      offset: page.offset,
      total,
    };
  }

  /** Resolves chat.postMessage's target and applies Rocket.Chat's sending checks. */
  async authorizePost(p: AuthorizePostPayload): Promise<AuthorizePostResult> {
    const user: UserRef | null =
      p.caller?._id === p.userId
        ? p.caller
        : await this.users.findById(p.userId, { _id: 1, username: 1, name: 1, roles: 1 }).lean<UserRef>();
    if (!user) {
      throw RcError.failure('error-invalid-user', 'Invalid user');
    }
    const [room, mentions] = await Promise.all([
      this.resolveTarget(p, user),
      this.resolveMentions(p.mentionUsernames ?? []),
    ]);
    let sub: { roles?: string[] } | null = await this.subscriptions
      .findOne({ rid: room._id, 'u._id': user._id }, { roles: 1 })
      .lean();
    if (!sub && room.t === 'c' && (await this.authorization.hasPermission(user.roles, 'view-c-room'))) {
      // Rocket.Chat joins the caller to a public channel it posts to (getRoomByNameOrIdWithOptionToJoin)
      await this.addSubscription(room, user);
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
  private async resolveMentions(usernames: string[]): Promise<MessageMention[]> {
    const names = [...new Set(usernames)].slice(0, 100);
    if (!names.length) {
      return [];
    }
    const group = names
      .filter((n) => n === 'all' || n === 'here')
      .map((n) => ({ _id: n, username: n, type: 'user' as const }));
    const found = await this.users
      .find({ username: { $in: names.filter((n) => n !== 'all' && n !== 'here') } }, { _id: 1, username: 1, name: 1 })
      .lean<UserRef[]>();
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
      room = await this.directRoomWith(user, target.slice(1));
    } else {
      const projection = { t: 1, name: 1, fname: 1, archived: 1, muted: 1, ro: 1 };
      if (p.roomId) {
        room = await this.rooms.findById(target, projection).lean<RoomDoc>();
      } else {
        const nameOrId = target.startsWith('#') ? target.slice(1) : target;
        room = await this.rooms.findOne({ $or: [{ _id: nameOrId }, { name: nameOrId }] }, projection).lean<RoomDoc>();
      }
    }
    if (!room) {
      throw RcError.failure('invalid-channel');
    }
    return room;
  }

  /** The 1:1 room with another user, created if missing (id = both user ids sorted and concatenated). */
  private async directRoomWith(me: UserRef, username: string): Promise<RoomDoc | null> {
    const other = await this.users
      .findOne({ username: exactInsensitive(username) }, { _id: 1, username: 1, name: 1, roles: 1 })
      .lean<UserRef>();
    if (!other) {
      return null;
    }
    const uids = [me._id, other._id].sort();
    const rid = uids.join('');
    const now = new Date();
    const usernames = [me, other].sort((a, b) => (a._id < b._id ? -1 : 1)).map((u) => u.username!);
    await this.rooms.updateOne(
      { _id: rid },
      {
        $setOnInsert: {
          _id: rid,
          t: 'd',
          msgs: 0,
          usersCount: uids[0] === uids[1] ? 1 : 2,
          ts: now,
          usernames,
          uids,
          _updatedAt: now,
          ro: false,
          default: false,
          sysMes: true,
        },
      },
      { upsert: true },
    );
    for (const [u, peer] of [
      [me, other],
      [other, me],
    ] as const) {
      await this.subscriptions.updateOne(
        { rid, 'u._id': u._id },
        {
          $setOnInsert: {
            _id: randomId(),
            u: { _id: u._id, username: u.username, ...(u.name ? { name: u.name } : {}) },
            rid,
            t: 'd',
            name: peer.username,
            fname: peer.name ?? peer.username,
            open: true,
            alert: false,
            unread: 0,
            userMentions: 0,
            groupMentions: 0,
            ts: now,
            ls: now,
            _updatedAt: now,
          },
        },
        { upsert: true },
      );
    }
    return this.rooms.findById(rid).lean<RoomDoc>();
  }

  /** Room read access (history): subscription, or a public channel and `view-c-room` + `preview-c-room`. */
  async authorizeRead(p: AuthorizeReadPayload): Promise<AuthorizeReadResult> {
    if (!p.roomId?.trim() && !p.roomName?.trim()) {
      throw RcError.failure(p.missingParamError, 'The parameter "roomId" or "roomName" is required');
    }
    const filter: FilterQuery<Room> = p.roomId ? { _id: p.roomId } : { name: p.roomName!.replace(/^#/, '') };
    const room = await this.rooms.findOne(filter, { _id: 1, t: 1, name: 1 }).lean<RoomDoc>();
    if (!room || !p.types.includes(room.t)) {
      throw RcError.failure(p.notFoundError, ROOM_NOT_FOUND);
    }
    const sub = await this.subscriptions.findOne({ rid: room._id, 'u._id': p.userId }, { ls: 1 }).lean();
    if (!sub) {
      const roles = p.roles ?? (await this.users.findById(p.userId, { roles: 1 }).lean<UserRef>())?.roles ?? [];
      const canPreview =
        room.t === 'c' &&
        (await this.authorization.hasPermission(roles, 'view-c-room')) &&
        (await this.authorization.hasPermission(roles, 'preview-c-room'));
      if (!canPreview) {
        throw RcError.forbidden();
      }
    }
    return {
      room: { _id: room._id, t: room.t, ...(room.name ? { name: room.name } : {}) },
      ...(sub?.ls ? { lastSeen: new Date(sub.ls).toISOString() } : {}),
    };
  }

  /** After a message is stored: room counters and last message; other members' subscriptions alert/unread. */
  async onMessageSent(e: MessageSentEvent): Promise<void> {
    // at most once per message: a redelivered post (or event) must not count the message twice
    const first = await this.redis.set(`rc:msg-sent:${e.messageId}`, '1', 'EX', 86400, 'NX');
    if (first !== 'OK') {
      return;
    }
    const ts = new Date(e.ts);
    const room = await this.rooms
      .findOneAndUpdate(
        { _id: e.rid },
        {
          $inc: { msgs: 1 },
          $set: { lm: ts, lastMessage: { ...e.message, ts, _updatedAt: ts }, _updatedAt: new Date() },
        },
        { projection: { t: 1 }, new: true },
      )
      .lean();
    if (!room) {
      return;
    }
    const others = { rid: e.rid, 'u._id': { $ne: e.userId } };
    const now = new Date();
    if (room.t === 'd') {
      await this.subscriptions.updateMany(others, {
        $set: { alert: true, open: true, _updatedAt: now },
        $inc: { unread: 1 },
      });
    } else {
      await this.subscriptions.updateMany(others, { $set: { alert: true, open: true, _updatedAt: now } });
      const mentioned = e.mentionedUserIds.filter((id) => id !== e.userId);
      if (e.hasGroupMention) {
        await this.subscriptions.updateMany(others, { $inc: { unread: 1, groupMentions: 1 } });
      } else if (mentioned.length) {
        await this.subscriptions.updateMany(
          { rid: e.rid, 'u._id': { $in: mentioned } },
          { $inc: { unread: 1, userMentions: 1 } },
        );
      }
    }
    // the sender has read the room up to its own message
    await this.subscriptions.updateOne(
      { rid: e.rid, 'u._id': e.userId },
      { $set: { ls: ts, open: true, _updatedAt: now } },
    );
  }

  /** The user's rooms for users.info's `rooms`. */
  async roomsOfUser(userId: string): Promise<Doc[]> {
    const subs = await this.subscriptions
      .find({ 'u._id': userId }, { rid: 1, name: 1, t: 1, roles: 1, unread: 1 })
      .lean();
    return subs.map((s) => ({ _id: s._id, rid: s.rid, name: s.name, t: s.t, roles: s.roles ?? [], unread: s.unread }));
  }
}
