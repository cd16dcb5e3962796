import { Injectable } from '@nestjs/common';
import { FilterQuery, ProjectionType } from 'mongoose';
import {
  AuthUser,
  ChannelsCreatePayload,
  HIDDEN_ROOM_FIELDS,
  IRoom,
  PageRequest,
  Paged,
  RcEvent,
  RoomRef,
  RoomView,
} from '@app/contracts';
import { isDuplicateKey, randomId } from '@app/database';
import { Errors, RcError } from '@app/envelope';
import { reviveQuery } from '@app/paging';
import { EventBus } from '@app/transport';
import { AuthorizationService } from '../authorization/authorization.service';
import { exactInsensitive, matchesNamePattern } from '../common/regex';
import { SettingsService } from '../settings/settings.service';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UsersRepository } from '../users/users.repository';
import { RoomDoc, UserRef } from './room.types';
import { RoomsRepository } from './rooms.repository';

/** Owner of rooms and subscriptions: channel creation, membership, look-ups and lists. */
@Injectable()
export class RoomsService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly users: UsersRepository,
    private readonly settings: SettingsService,
    private readonly authorization: AuthorizationService,
    private readonly events: EventBus,
  ) {}

  /** A room as the API shows it: without joinCode, members, importIds, e2e. */
  static present(room: Partial<IRoom> & { _id: string }): RoomView {
    const out: Record<string, unknown> = { ...room };
    for (const f of HIDDEN_ROOM_FIELDS) {
      delete out[f];
    }
    return out as RoomView;
  }

  async createChannel(p: ChannelsCreatePayload): Promise<{ channel: RoomView }> {
    const { caller } = p;
    if (!(await this.authorization.hasPermission(caller.roles, 'create-c'))) {
      throw RcError.forbidden();
    }
    if (!p.name) {
      throw RcError.plain('Body param "name" is required');
    }
    const pattern = await this.settings.string('UTF8_Channel_Names_Validation', '[0-9a-zA-Z-_.]+');
    if (!matchesNamePattern(p.name, pattern)) {
      throw RcError.failure('error-invalid-room-name', `${p.name} is not a valid room name`, { channelName: p.name });
    }
    if (await this.rooms.exists({ name: exactInsensitive(p.name) })) {
      throw RcError.failure('error-duplicate-channel-name', `A channel with name '${p.name}' exists`, {
        channelName: p.name,
      });
    }
    const owner = await this.users.findById<UserRef>(caller._id, { _id: 1, username: 1, name: 1, roles: 1 });
    if (!owner) {
      throw RcError.failure('error-invalid-user', 'Invalid user');
    }
    const memberNames = [...new Set((p.members ?? []).filter((m) => typeof m === 'string' && m !== owner.username))];
    const members = memberNames.length
      ? await this.users.find<UserRef>(
          { username: { $in: memberNames }, active: true },
          { projection: { _id: 1, username: 1, name: 1, roles: 1 } },
        )
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
      await this.rooms.insert(room);
    } catch (err) {
      if (isDuplicateKey(err)) {
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
    const stored = (await this.rooms.findById(room._id)) ?? room;
    await this.events.publish(RcEvent.RoomChanged, { rid: room._id });
    return { channel: RoomsService.present(stored) };
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
    if (res.upserted) {
      await this.rooms.updateOne({ _id: room._id }, { $inc: { usersCount: 1 }, $set: { _updatedAt: now } });
      return true;
    }
    return false;
  }

  async joinDefaultChannels(user: UserRef): Promise<void> {
    const rooms = await this.rooms.find<RoomDoc>(
      { default: true, t: { $in: ['c', 'p'] } },
      { projection: { _id: 1, t: 1, name: 1, fname: 1 } },
    );
    for (const room of rooms) {
      await this.addSubscription(room, user);
    }
  }

  /** channels.*: roomId or roomName, type c only (Rocket.Chat's findChannelByIdOrName). */
  async findChannel(ref: RoomRef, projection?: ProjectionType<IRoom>): Promise<RoomDoc> {
    if (!ref.roomId?.trim() && !ref.roomName?.trim()) {
      throw RcError.failure('error-roomid-param-not-provided', 'The parameter "roomId" or "roomName" is required');
    }
    const filter: FilterQuery<IRoom> = ref.roomId ? { _id: ref.roomId } : { name: ref.roomName!.replace(/^#/, '') };
    const room = await this.rooms.findOne<RoomDoc>(filter, projection);
    if (!room || (room.t !== 'c' && room.t !== 'l')) {
      throw Errors.roomNotFound();
    }
    return room;
  }

  async channelInfo(ref: RoomRef): Promise<{ channel: RoomView }> {
    const room = await this.findChannel(ref);
    return { channel: RoomsService.present(room) };
  }

  async listChannels(caller: AuthUser, page: PageRequest): Promise<Paged<'channels', RoomView>> {
    const canViewAll = await this.authorization.hasPermission(caller.roles, 'view-c-room');
    const canViewJoined = canViewAll || (await this.authorization.hasPermission(caller.roles, 'view-joined-room'));
    if (!canViewJoined) {
      throw RcError.forbidden();
    }
    const filter: FilterQuery<IRoom> = { ...(page.query ? reviveQuery(page.query) : {}), t: 'c' };
    if (!canViewAll) {
      const rids = await this.subscriptions.find({ 'u._id': caller._id, t: 'c' }, { projection: { rid: 1 } });
      filter._id = { $in: rids.map((s) => s.rid) };
    }
    const projection =
      page.fields && Object.keys(page.fields).length ? page.fields : { joinCode: 0, members: 0, importIds: 0, e2e: 0 };
    const [channels, total] = await Promise.all([
      this.rooms.find<RoomDoc>(filter, {
        projection: projection as ProjectionType<IRoom>,
        sort: page.sort ?? { name: 1 },
        skip: page.offset,
        limit: page.count,
      }),
      this.rooms.count(filter),
    ]);
    return {
      channels: channels.map((c) => RoomsService.present(c)),
      count: channels.length,
      offset: page.offset,
      total,
    };
  }
}
