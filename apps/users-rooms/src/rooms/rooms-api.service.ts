import { Injectable } from '@nestjs/common';
import type { FilterQuery } from 'mongoose';
import {
  AdminRoomsPayload,
  CallerPayload,
  CHANNEL_KIND,
  Empty,
  FavoritePayload,
  GROUP_KIND,
  IRoom,
  Paged,
  ParentRoomView,
  RemovedRecord,
  RoomRef,
  RoomsInfoPayload,
  RoomView,
  SyncPayload,
} from '@app/contracts';
import { Errors, RcError } from '@app/envelope';
import { AuthorizationService } from '../authorization/authorization.service';
import { escapeRegExp } from '../common/regex';
import { parseUpdatedSince } from '../subscriptions/subscriptions.service';
import { SUBSCRIPTIONS_COLLECTION, SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { TrashRepository } from '../trash/trash.repository';
import { MembershipService } from './membership.service';
import { RoomNotifier } from './room-notifier.service';
import { presentRoom } from './room-view';
import { RoomVisibility } from './room-visibility.service';
import type { RoomDoc } from './room.types';
import { ROOMS_COLLECTION, RoomsRepository } from './rooms.repository';

const HIDDEN = { joinCode: 0, members: 0, importIds: 0, e2e: 0 } as const;

/** What rooms.adminRooms shows of a room (Rocket.Chat's adminFields). */
const ADMIN_FIELDS = Object.fromEntries(
  [
    'prid',
    'fname',
    'name',
    't',
    'cl',
    'u',
    'usernames',
    'ts',
    'usersCount',
    'muted',
    'unmuted',
    'ro',
    'default',
    'favorite',
    'featured',
    'reactWhenReadOnly',
    'topic',
    'msgs',
    'archived',
    'teamId',
    'teamMain',
    'announcement',
    'description',
    'broadcast',
    'uids',
    'avatarETag',
    'encrypted',
    '_updatedAt',
  ].map((f) => [f, 1]),
);

/**
 * rooms.* on rooms of any type: the administrators' room list, the sync list of the caller's rooms (what
 * changed and what was removed since `updatedSince`), one room's info, leaving, and favourites. A private room
 * the caller cannot access is answered like a room that does not exist.
 */
@Injectable()
export class RoomsApiService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly trash: TrashRepository,
    private readonly authorization: AuthorizationService,
    private readonly membership: MembershipService,
    private readonly visibility: RoomVisibility,
    private readonly notifier: RoomNotifier,
  ) {}

  /** rooms.adminRooms: every room, by type (`discussions` and `teams` too) and name, for room administrators. */
  async adminRooms(p: AdminRoomsPayload): Promise<Paged<'rooms', RoomView>> {
    if (!(await this.authorization.hasPermission(p.caller.roles, 'view-room-administration'))) {
      throw RcError.plain('error-not-authorized');
    }
    const filter: FilterQuery<IRoom> = {};
    const name = p.filter?.trim();
    if (name) {
      const re = new RegExp(escapeRegExp(name), 'i');
      filter.$and = [{ $or: [{ name: re }, { fname: re }] }];
    }
    const types = p.types ?? [];
    if (types.length) {
      const plain = types.filter((t) => t !== 'discussions' && t !== 'teams');
      const any: FilterQuery<IRoom>[] = [];
      if (plain.length) {
        any.push({ t: { $in: plain }, prid: { $exists: false } });
      }
      if (types.includes('discussions')) {
        any.push({ prid: { $exists: true } });
      }
      if (types.includes('teams')) {
        any.push({ teamMain: true });
      }
      filter.$and = [...(filter.$and ?? []), { $or: any }];
    }
    const [rooms, total] = await Promise.all([
      this.rooms.find<RoomDoc>(filter, {
        projection: ADMIN_FIELDS,
        sort: p.page.sort ?? { default: -1, name: 1 },
        skip: p.page.offset,
        limit: p.page.count,
      }),
      this.rooms.count(filter),
    ]);
    return { rooms: rooms.map((r) => presentRoom(r)), count: rooms.length, offset: p.page.offset, total };
  }

  /**
   * rooms.get: the caller's rooms; with `updatedSince`, those changed since then, and (from the trash) the
   * rooms removed since then that the caller was in (never anyone else's).
   */
  async get(p: SyncPayload): Promise<{ update: RoomView[]; remove: RemovedRecord[] }> {
    const since = parseUpdatedSince(
      p.updatedSince,
      'error-updatedSince-param-invalid',
      'The "updatedSince" query parameter must be a valid date.',
    );
    const rids = (await this.subscriptions.distinct('rid', { 'u._id': p.caller._id })) as string[];
    const update = await this.rooms.find<RoomDoc>(
      { _id: { $in: rids }, ...(since ? { _updatedAt: { $gt: since } } : {}) },
      { projection: HIDDEN },
    );
    if (!since) {
      return { update: update.map((r) => presentRoom(r)), remove: [] };
    }
    // a removed room took the caller's subscription with it: those subscriptions say which rooms were theirs
    const gone = await this.trash.find<{ rid: string }>(
      { __collection__: SUBSCRIPTIONS_COLLECTION, 'u._id': p.caller._id, _deletedAt: { $gt: since } },
      { projection: { rid: 1 } },
    );
    const remove = gone.length
      ? await this.trash.removedAfter(ROOMS_COLLECTION, since, { _id: { $in: [...new Set(gone.map((s) => s.rid))] } })
      : [];
    return { update: update.map((r) => presentRoom(r)), remove };
  }

  /** rooms.info: the room (with `fields`), and a discussion's parent. */
  async info(p: RoomsInfoPayload): Promise<{ room: RoomView; parent?: ParentRoomView }> {
    const { room, accessible } = await this.visibility.find(p, p.caller);
    if (!accessible) {
      throw RcError.apiFailure('not-allowed', 'Not Allowed');
    }
    const projection = p.fields && Object.keys(p.fields).length ? p.fields : HIDDEN;
    const shown = await this.rooms.findById<RoomDoc>(room._id, projection);
    const parent = room.prid
      ? await this.rooms.findById<ParentRoomView>(room.prid, { _id: 1, name: 1, fname: 1, t: 1, prid: 1, u: 1 })
      : null;
    return { room: presentRoom(shown ?? { _id: room._id }), ...(parent ? { parent } : {}) };
  }

  /** rooms.leave: as channels.leave / groups.leave (a DM cannot be left). */
  async leave(p: CallerPayload & RoomRef): Promise<Empty> {
    const { room } = await this.visibility.find(p, p.caller);
    if (room.t !== 'c' && room.t !== 'p') {
      throw Errors.notAllowed('Not allowed', { method: 'leaveRoom' });
    }
    await this.membership.leave(room.t === 'c' ? CHANNEL_KIND : GROUP_KIND, { caller: p.caller, roomId: room._id });
    return {};
  }

  /** rooms.favorite: the caller's subscription gets `f`. */
  async favorite(p: FavoritePayload): Promise<Empty> {
    if (p.favorite === undefined) {
      throw RcError.plain("The 'favorite' param is required");
    }
    const { room } = await this.visibility.find(p, p.caller);
    const res = await this.subscriptions.updateOne(
      { rid: room._id, 'u._id': p.caller._id },
      { $set: { f: p.favorite, _updatedAt: new Date() } },
    );
    if (!res.matched) {
      throw RcError.failure('error-invalid-subscription', 'You must be part of a room to favorite it', {
        method: 'toggleFavorite',
      });
    }
    await this.notifier.membershipChanged(room._id, [p.caller._id]);
    return {};
  }
}
