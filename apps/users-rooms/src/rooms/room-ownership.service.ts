import { Injectable } from '@nestjs/common';
import { RcError } from '@app/envelope';
import { UsersRepository } from '../users/users.repository';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { RoomNotifier } from './room-notifier.service';
import { RoomsRepository } from './rooms.repository';

export interface SubscribedRoom {
  rid: string;
  t: string;
  shouldBeRemoved: boolean;
  shouldChangeOwner: boolean;
  newOwner?: string;
}

/**
 * What happens to a user's rooms when the user is deactivated or deleted (Rocket.Chat's
 * getSubscribedRoomsForUserWithDetails + relinquishRoomOwnerships): where the user is the last owner, the
 * oldest active member becomes owner; a private room nobody else can own (or where the user is alone) is
 * removed. Either needs `confirmRelinquish`, else 400 `user-last-owner` listing the rooms.
 */
@Injectable()
export class RoomOwnershipService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly users: UsersRepository,
    private readonly notifier: RoomNotifier,
  ) {}

  async subscribedRooms(userId: string): Promise<SubscribedRoom[]> {
    const subs = await this.subscriptions.find(
      { 'u._id': userId, t: { $ne: 'd' } },
      { projection: { rid: 1, t: 1, roles: 1 } },
    );
    const out: SubscribedRoom[] = [];
    for (const sub of subs) {
      const room: SubscribedRoom = { rid: sub.rid, t: sub.t, shouldBeRemoved: false, shouldChangeOwner: false };
      if (sub.roles?.includes('owner')) {
        const owners = await this.subscriptions.count({ rid: sub.rid, roles: 'owner' });
        if (owners === 1) {
          const members = await this.subscriptions.find(
            { rid: sub.rid, 'u._id': { $ne: userId } },
            { projection: { 'u._id': 1 }, sort: { ts: 1 } },
          );
          for (const m of members) {
            if (await this.users.exists({ _id: m.u._id, active: true })) {
              room.newOwner = m.u._id;
              room.shouldChangeOwner = true;
              break;
            }
          }
          room.shouldBeRemoved = !room.shouldChangeOwner && room.t !== 'c';
        }
      } else if (room.t !== 'c') {
        room.shouldBeRemoved = (await this.subscriptions.count({ rid: sub.rid })) === 1;
      }
      out.push(room);
    }
    return out;
  }

  /** Throws `user-last-owner` (details: room names by outcome) unless confirmed or nothing changes hands. */
  async assertRelinquishable(rooms: SubscribedRoom[], confirmRelinquish: boolean): Promise<void> {
    if (confirmRelinquish || !rooms.some((r) => r.shouldBeRemoved || r.shouldChangeOwner)) {
      return;
    }
    const ids = rooms.filter((r) => r.shouldBeRemoved || r.shouldChangeOwner).map((r) => r.rid);
    const names = new Map(
      (await this.rooms.find({ _id: { $in: ids } }, { projection: { name: 1, fname: 1 } })).map((r) => [
        r._id,
        r.fname ?? r.name ?? r._id,
      ]),
    );
    const details = {
      shouldBeRemoved: rooms.filter((r) => r.shouldBeRemoved && names.has(r.rid)).map((r) => names.get(r.rid)),
      shouldChangeOwner: rooms.filter((r) => r.shouldChangeOwner && names.has(r.rid)).map((r) => names.get(r.rid)),
    };
    throw RcError.failure('user-last-owner', '', details);
  }

  /** New owners take over; rooms nobody can own (and, on deletion, the user's 1:1 DMs) are removed. */
  async relinquish(userId: string, rooms: SubscribedRoom[], removeDirectMessages: boolean): Promise<string[]> {
    const now = new Date();
    for (const r of rooms.filter((x) => x.shouldChangeOwner && x.newOwner)) {
      await this.subscriptions.updateOne(
        { rid: r.rid, 'u._id': r.newOwner },
        { $addToSet: { roles: 'owner' }, $set: { _updatedAt: now } },
      );
    }
    const remove = rooms.filter((r) => r.shouldBeRemoved).map((r) => r.rid);
    if (removeDirectMessages) {
      const dms = await this.rooms.find({ t: 'd', uids: userId }, { projection: { _id: 1, uids: 1 } });
      remove.push(...dms.filter((d) => (d.uids ?? []).length <= 2).map((d) => d._id));
    }
    if (remove.length) {
      await this.subscriptions.deleteMany({ rid: { $in: remove } });
      await this.rooms.deleteMany({ _id: { $in: remove } });
    }
    for (const rid of remove) {
      await this.notifier.roomDeleted(rid);
    }
    for (const r of rooms.filter((x) => x.shouldChangeOwner && x.newOwner)) {
      await this.notifier.membershipChanged(r.rid, [r.newOwner!]);
    }
    return remove;
  }

  /** The user leaves every room left: subscriptions removed, member counts decremented, group DMs updated. */
  async leaveAllRooms(userId: string, username: string | undefined): Promise<void> {
    const subs = await this.subscriptions.find({ 'u._id': userId }, { projection: { rid: 1 } });
    const rids = [...new Set(subs.map((s) => s.rid))];
    await this.subscriptions.deleteMany({ 'u._id': userId });
    if (!rids.length) {
      return;
    }
    const now = new Date();
    await this.rooms.updateMany({ _id: { $in: rids } }, { $inc: { usersCount: -1 }, $set: { _updatedAt: now } });
    await this.rooms.updateMany(
      { _id: { $in: rids }, t: 'd' },
      { $pull: { uids: userId, ...(username ? { usernames: username } : {}) } },
    );
    for (const rid of rids) {
      await this.notifier.membershipChanged(rid, [userId]);
    }
  }
}
