import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import {
  USER_EVENT_LISTENER,
  UserActiveChangedEvent,
  UserCreatedEvent,
  UserDeactivatingEvent,
  UserEvents,
  UserRemovingEvent,
  UserRenamedEvent,
} from '../users/user-events';
import { UsersRepository } from '../users/users.repository';
import { RoomOwnershipService } from './room-ownership.service';
import { RoomsRepository } from './rooms.repository';
import { MembershipService } from './membership.service';

/**
 * What a change to a user means for rooms and subscriptions (the users context announces it, this context owns
 * the rooms): default channels on creation, the username and name copies on rename, room hand-over and DMs
 * on deactivation and deletion.
 */
@Injectable()
export class UserRoomsListener {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly users: UsersRepository,
    private readonly membership: MembershipService,
    private readonly ownership: RoomOwnershipService,
  ) {}

  @OnEvent(UserEvents.Created, USER_EVENT_LISTENER)
  async created(e: UserCreatedEvent): Promise<void> {
    if (e.joinDefaultChannels) {
      await this.membership.joinDefaultChannels(e.user);
    }
  }

  /** The username and name are copied into subscriptions and rooms; keep the copies in step. */
  @OnEvent(UserEvents.Renamed, USER_EVENT_LISTENER)
  async renamed(e: UserRenamedEvent): Promise<void> {
    const previous = e.previousUsername;
    if (e.username && previous) {
      await this.subscriptions.updateMany({ 'u._id': e.userId }, { $set: { 'u.username': e.username } });
      await this.rooms.updateMany({ 'u._id': e.userId }, { $set: { 'u.username': e.username } });
      await this.rooms.updateMany({ t: 'd', usernames: previous }, { $set: { 'usernames.$': e.username } });
      await this.subscriptions.updateMany({ t: 'd', name: previous }, { $set: { name: e.username } });
    }
    if (e.name !== undefined) {
      await this.subscriptions.updateMany({ 'u._id': e.userId }, { $set: { 'u.name': e.name } });
      await this.subscriptions.updateMany(
        { t: 'd', name: e.username ?? previous, 'u._id': { $ne: e.userId } },
        { $set: { fname: e.name } },
      );
    }
  }

  /** Refuses (`user-last-owner`) unless confirmed, then hands the user's rooms over. */
  @OnEvent(UserEvents.Deactivating, USER_EVENT_LISTENER)
  async deactivating(e: UserDeactivatingEvent): Promise<void> {
    const rooms = await this.ownership.subscribedRooms(e.userId);
    await this.ownership.assertRelinquishable(rooms, e.confirmRelinquish);
    await this.ownership.relinquish(e.userId, rooms, false);
  }

  /** DMs with an inactive user are read-only (and archived on the other side) until it is active again. */
  @OnEvent(UserEvents.ActiveChanged, USER_EVENT_LISTENER)
  async activeChanged(e: UserActiveChangedEvent): Promise<void> {
    if (e.username) {
      await this.subscriptions.updateMany({ t: 'd', name: e.username }, { $set: { archived: !e.active } });
    }
    if (!e.active) {
      await this.rooms.updateMany({ t: 'd', uids: e.userId }, { $set: { ro: true, reactWhenReadOnly: false } });
    } else {
      await this.reactivateDirectRooms(e.userId);
    }
  }

  /** Refuses (`user-last-owner`) unless confirmed, then hands rooms over and leaves every room. */
  @OnEvent(UserEvents.Removing, USER_EVENT_LISTENER)
  async removing(e: UserRemovingEvent): Promise<void> {
    const rooms = await this.ownership.subscribedRooms(e.userId);
    await this.ownership.assertRelinquishable(rooms, e.confirmRelinquish);
    if (typeof e.username === 'string') {
      await this.ownership.relinquish(e.userId, rooms, true);
      await this.ownership.leaveAllRooms(e.userId, e.username);
    }
  }

  /** DMs become writable again where the other side is active too. */
  private async reactivateDirectRooms(userId: string): Promise<void> {
    const dms = await this.rooms.find({ t: 'd', uids: userId }, { projection: { _id: 1, uids: 1 } });
    const others = [...new Set(dms.flatMap((d) => d.uids ?? []).filter((u) => u !== userId))];
    const activeIds = new Set(
      (await this.users.find({ _id: { $in: others }, active: true }, { projection: { _id: 1 } })).map((u) => u._id),
    );
    const ids = dms
      .filter((d) => (d.uids ?? []).filter((u) => u !== userId).every((u) => activeIds.has(u)))
      .map((d) => d._id);
    if (ids.length) {
      await this.rooms.updateMany({ _id: { $in: ids } }, { $set: { ro: false, reactWhenReadOnly: false } });
    }
  }
}
