import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, ProjectionType } from 'mongoose';
import { AuthUser, ChannelsCreatePayload, Doc, PageRequest, RcEvent, RoomRef } from '@app/contracts';
import { randomId } from '@app/database';
import { RcError } from '@app/envelope';
import { reviveQuery } from '@app/paging';
import { EventBus } from '@app/transport';
import { AuthorizationService } from '../authorization/authorization.service';
import { exactInsensitive, matchesNamePattern } from '../common/regex';
import { SettingsService } from '../settings/settings.service';
import { User } from '../users/schemas/user.schema';
import { HIDDEN_ROOM_FIELDS, Room } from './schemas/room.schema';
import { Subscription } from './schemas/subscription.schema';
import { ROOM_NOT_FOUND, RoomDoc, UserRef } from './room.types';

/** Owner of rooms and subscriptions: channel creation, membership, look-ups and lists. */
@Injectable()
export class RoomsService {
  constructor(
    @InjectModel(Room.name) private readonly rooms: Model<Room>,
    @InjectModel(Subscription.name) private readonly subscriptions: Model<Subscription>,
    @InjectModel(User.name) private readonly users: Model<User>,
    private readonly settings: SettingsService,
    private readonly authorization: AuthorizationService,
    private readonly events: EventBus,
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

  /** The user's rooms for users.info's `rooms`. */
  async roomsOfUser(userId: string): Promise<Doc[]> {
    const subs = await this.subscriptions
      .find({ 'u._id': userId }, { rid: 1, name: 1, t: 1, roles: 1, unread: 1 })
      .lean();
    return subs.map((s) => ({ _id: s._id, rid: s.rid, name: s.name, t: s.t, roles: s.roles ?? [], unread: s.unread }));
  }
}
