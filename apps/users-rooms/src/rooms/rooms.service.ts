import { Injectable } from '@nestjs/common';
import { FilterQuery, ProjectionType } from 'mongoose';
import {
  AuthUser,
  CHANNEL_KIND,
  ChannelsGetIntegrationsPayload,
  IRoom,
  keyedRoom,
  Paged,
  PageRequest,
  RoomCreatePayload,
  RoomKind,
  RoomResult,
  RoomTargetPayload,
  RoomView,
} from '@app/contracts';
import { isDuplicateKey, randomId } from '@app/database';
import { Errors, RcError } from '@app/envelope';
import { reviveQuery } from '@app/paging';
import { AuthorizationService } from '../authorization/authorization.service';
import { exactInsensitive, matchesNamePattern } from '../common/regex';
import { SettingsService } from '../settings/settings.service';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { UsersRepository } from '../users/users.repository';
import { MembershipService } from './membership.service';
import { RoomFinder } from './room-finder.service';
import { RoomNotifier } from './room-notifier.service';
import { presentRoom } from './room-view';
import { RoomDoc, UserRef } from './room.types';
import { RoomsRepository } from './rooms.repository';

const DEFAULT_ROOM_PROJECTION = { joinCode: 0, members: 0, importIds: 0, e2e: 0 };

type ListKey = 'channels' | 'groups';

/** Creating rooms (channels and private groups), reading one, and the room lists. */
@Injectable()
export class RoomsService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly users: UsersRepository,
    private readonly settings: SettingsService,
    private readonly authorization: AuthorizationService,
    private readonly membership: MembershipService,
    private readonly finder: RoomFinder,
    private readonly notifier: RoomNotifier,
  ) {}

  /** channels.create / groups.create (createRoom): the creator owns the room, members join without messages. */
  async create(kind: RoomKind, p: RoomCreatePayload): Promise<RoomResult> {
    const { caller } = p;
    if (!(await this.authorization.hasPermission(caller.roles, `create-${kind.t}`))) {
      throw RcError.forbidden();
    }
    if (!p.name) {
      throw RcError.plain('Body param "name" is required');
    }
    const pattern = await this.settings.string('UTF8_Channel_Names_Validation', '[0-9a-zA-Z-_.]+');
    if (!matchesNamePattern(p.name, pattern)) {
      throw RcError.failure('error-invalid-room-name', `${p.name} is not a valid room name`, { channelName: p.name });
    }
    const duplicate = () =>
      RcError.failure('error-duplicate-channel-name', `A channel with name '${p.name}' exists`, {
        channelName: p.name,
      });
    if (await this.rooms.exists({ name: exactInsensitive(p.name) })) {
      throw duplicate();
    }
    const owner = await this.users.findById<UserRef>(caller._id, { _id: 1, username: 1, name: 1, roles: 1 });
    if (!owner) {
      throw Errors.invalidUser();
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
    const broadcast = extra.broadcast === true;
    const room: RoomDoc = {
      _id: randomId(),
      t: kind.t,
      name: p.name,
      fname: p.name,
      u: { _id: owner._id, username: owner.username! },
      msgs: 0,
      usersCount: 0,
      ts: now,
      ro: p.readOnly === true || broadcast,
      default: false,
      sysMes: true,
      _updatedAt: now,
      ...(p.customFields ? { customFields: p.customFields } : {}),
      ...(typeof extra.broadcast === 'boolean' ? { broadcast } : {}),
      ...(typeof extra.encrypted === 'boolean' ? { encrypted: extra.encrypted } : {}),
      ...(typeof extra.description === 'string' ? { description: extra.description } : {}),
      ...(typeof extra.topic === 'string' ? { topic: extra.topic } : {}),
      ...(typeof extra.announcement === 'string' ? { announcement: extra.announcement } : {}),
    };
    try {
      await this.rooms.insert(room);
    } catch (err) {
      throw isDuplicateKey(err) ? duplicate() : err;
    }
    if (!p.excludeSelf) {
      await this.membership.subscribe(room, owner, { roles: ['owner'], now });
    }
    for (const m of members) {
      await this.membership.subscribe(room, m, { now });
    }
    await this.notifier.roomChanged(room._id);
    return keyedRoom(kind, presentRoom((await this.rooms.findById<RoomDoc>(room._id)) ?? room));
  }

  /** channels.info / groups.info */
  async info(kind: RoomKind, p: RoomTargetPayload): Promise<RoomResult> {
    return keyedRoom(kind, presentRoom(await this.finder.find(kind, p, p.caller._id, { checkArchived: false })));
  }

  private async page(key: ListKey, filter: FilterQuery<IRoom>, page: PageRequest): Promise<Paged<ListKey, RoomView>> {
    const projection = page.fields && Object.keys(page.fields).length ? page.fields : DEFAULT_ROOM_PROJECTION;
    const [rooms, total] = await Promise.all([
      this.rooms.find<RoomDoc>(filter, {
        projection: projection as ProjectionType<IRoom>,
        sort: page.sort ?? { name: 1 },
        skip: page.offset,
        limit: page.count,
      }),
      this.rooms.count(filter),
    ]);
    return { [key]: rooms.map((r) => presentRoom(r)), count: rooms.length, offset: page.offset, total } as Paged<
      ListKey,
      RoomView
    >;
  }

  private async joinedIds(caller: AuthUser, t: 'c' | 'p'): Promise<string[]> {
    const subs = await this.subscriptions.find({ 'u._id': caller._id, t }, { projection: { rid: 1 } });
    return subs.map((s) => s.rid);
  }

  private query(page: PageRequest): FilterQuery<IRoom> {
    return page.query ? reviveQuery(page.query) : {};
  }

  /** channels.list: every channel with `view-c-room`, else (with `view-joined-room`) the joined ones. */
  async listChannels(caller: AuthUser, page: PageRequest): Promise<Paged<'channels', RoomView>> {
    const canViewAll = await this.authorization.hasPermission(caller.roles, 'view-c-room');
    if (!canViewAll && !(await this.authorization.hasPermission(caller.roles, 'view-joined-room'))) {
      throw RcError.forbidden();
    }
    const filter: FilterQuery<IRoom> = { ...this.query(page), t: 'c' };
    if (!canViewAll) {
      filter._id = { $in: await this.joinedIds(caller, 'c') };
    }
    return this.page('channels', filter, page);
  }

  /** channels.list.joined */
  async listJoinedChannels(caller: AuthUser, page: PageRequest): Promise<Paged<'channels', RoomView>> {
    const filter: FilterQuery<IRoom> = {
      ...this.query(page),
      t: 'c',
      _id: { $in: await this.joinedIds(caller, 'c') },
    };
    return this.page('channels', filter, page);
  }

  /** groups.list: the private groups the caller is in. */
  async listGroups(caller: AuthUser, page: PageRequest): Promise<Paged<'groups', RoomView>> {
    const filter: FilterQuery<IRoom> = { ...this.query(page), t: 'p', _id: { $in: await this.joinedIds(caller, 'p') } };
    return this.page('groups', filter, page);
  }

  /** groups.listAll: every private group (route permission `view-room-administration`). */
  async listAllGroups(caller: AuthUser, page: PageRequest): Promise<Paged<'groups', RoomView>> {
    if (!(await this.authorization.hasPermission(caller.roles, 'view-room-administration'))) {
      throw RcError.forbidden();
    }
    return this.page('groups', { ...this.query(page), t: 'p' }, page);
  }

  /**
   * channels.getIntegrations: the integrations posting to the channel (or to every public channel). The
   * integrations service owns them and has none yet, so the list is empty; the permission check is real.
   */
  async integrations(p: ChannelsGetIntegrationsPayload): Promise<Paged<'integrations', Record<string, unknown>>> {
    const allowed = await this.authorization.hasAny(p.caller.roles, [
      'manage-outgoing-integrations',
      'manage-own-outgoing-integrations',
      'manage-incoming-integrations',
      'manage-own-incoming-integrations',
    ]);
    if (!allowed) {
      throw RcError.forbidden();
    }
    await this.finder.find(CHANNEL_KIND, p, p.caller._id, { checkArchived: false });
    return { integrations: [], count: 0, offset: p.page.offset, total: 0 };
  }
}
