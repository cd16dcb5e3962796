import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  InternalPattern,
  MembershipSnapshot,
  RcEvent,
  RoomAccessSnapshot,
  RoomRef,
  RoomsAccessResult,
} from '@app/contracts';
import { EventBus, RpcClient } from '@app/transport';

/** How long an entry may live without an event confirming it: the bound on a lost invalidation. */
export const ROOM_ACCESS_TTL_MS = 10_000;
const MAX_ENTRIES = 50_000;

interface Entry<T> {
  value: T;
  at: number;
}

const memberKey = (rid: string, userId: string) => `${rid}\u0000${userId}`;

/** A room by `roomId`, by `roomName`, or by `roomIdOrName` (an id, else a name). */
export type RoomLookup = RoomRef & { roomIdOrName?: string };

/**
 * What chat knows of rooms and memberships, without asking users-rooms on every request: each replica keeps the
 * rooms and memberships it has seen (asked once of users-rooms), drops them at once when users-rooms publishes
 * `room.changed` / `subscription.changed` (pub/sub, every replica), and asks again after ROOM_ACCESS_TTL_MS at
 * the latest, so a lost event delays a change by ten seconds at most.
 */
@Injectable()
export class RoomAccessCache implements OnModuleInit {
  private readonly rooms = new Map<string, Entry<RoomAccessSnapshot>>();
  private readonly names = new Map<string, string>();
  private readonly members = new Map<string, Entry<MembershipSnapshot | null>>();
  private readonly membersOfRoom = new Map<string, Set<string>>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly events: EventBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.events.subscribe((event, payload) => {
      if (event === RcEvent.RoomChanged) {
        this.forgetRoom((payload as { rid: string }).rid);
      } else if (event === RcEvent.SubscriptionChanged) {
        const { rid, userId } = payload as { rid: string; userId: string };
        this.members.delete(memberKey(rid, userId));
      }
    });
  }

  forgetRoom(rid: string): void {
    const room = this.rooms.get(rid)?.value;
    if (room?.name) {
      this.names.delete(room.name);
    }
    this.rooms.delete(rid);
    for (const key of this.membersOfRoom.get(rid) ?? []) {
      this.members.delete(key);
    }
    this.membersOfRoom.delete(rid);
  }

  /** The room (by id or name) and the user's membership: from memory when fresh, else asked of users-rooms. */
  async get(ref: RoomLookup, userId: string): Promise<RoomsAccessResult> {
    const now = Date.now();
    const rid = ref.roomIdOrName
      ? this.rooms.has(ref.roomIdOrName)
        ? ref.roomIdOrName
        : this.names.get(ref.roomIdOrName)
      : (ref.roomId ?? (ref.roomName ? this.names.get(ref.roomName) : undefined));
    if (rid) {
      const room = this.rooms.get(rid);
      const member = this.members.get(memberKey(rid, userId));
      if (room && member && now - room.at < ROOM_ACCESS_TTL_MS && now - member.at < ROOM_ACCESS_TTL_MS) {
        return { room: room.value, subscription: member.value };
      }
    }
    return this.fresh(ref, userId);
  }

  /** Asks users-rooms (volatile fields such as `ls` and `userMentions` are read this way) and keeps the answer. */
  async fresh(ref: RoomLookup, userId: string): Promise<RoomsAccessResult> {
    const result = await this.rpc.send(InternalPattern.RoomsAccess, {
      roomId: ref.roomId,
      roomName: ref.roomName,
      roomIdOrName: ref.roomIdOrName,
      userId,
    });
    if (result.room) {
      this.remember(result.room, userId, result.subscription);
    }
    return result;
  }

  private remember(room: RoomAccessSnapshot, userId: string, sub: MembershipSnapshot | null): void {
    const at = Date.now();
    if (this.rooms.size >= MAX_ENTRIES || this.members.size >= MAX_ENTRIES) {
      this.rooms.clear();
      this.names.clear();
      this.members.clear();
      this.membersOfRoom.clear();
    }
    this.rooms.set(room._id, { value: room, at });
    if (room.name) {
      this.names.set(room.name, room._id);
    }
    const key = memberKey(room._id, userId);
    this.members.set(key, { value: sub, at });
    let keys = this.membersOfRoom.get(room._id);
    if (!keys) {
      keys = new Set();
      this.membersOfRoom.set(room._id, keys);
    }
    keys.add(key);
  }
}
