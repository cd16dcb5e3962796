import { Injectable, OnModuleInit } from '@nestjs/common';
import { InternalPattern, IUserRef, RcEvent } from '@app/contracts';
import { EventBus, RpcClient } from '@app/transport';

/** How long a looked-up user is trusted without an event; an unknown name is asked again sooner. */
export const USER_TTL_MS = 60_000;
export const UNKNOWN_USER_TTL_MS = 5_000;
const MAX_ENTRIES = 100_000;

interface Entry {
  user: IUserRef | null;
  at: number;
}

/**
 * Usernames → users, as chat needs them for mentions and DMs, without asking users-rooms on every message: each
 * replica keeps what it has looked up (`users.lookup`, one call for all the names of a message), forgets a user
 * on `user.changed` (renamed, deactivated) at once, and asks again after USER_TTL_MS at the latest.
 */
@Injectable()
export class UserDirectory implements OnModuleInit {
  private readonly byName = new Map<string, Entry>();
  private readonly nameById = new Map<string, string>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly events: EventBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.events.subscribe((event, payload) => {
      if (event === RcEvent.UserChanged) {
        const userId = (payload as { userId: string }).userId;
        const name = this.nameById.get(userId);
        if (name !== undefined) {
          this.byName.delete(name);
          this.nameById.delete(userId);
        }
      }
    });
  }

  /** The active users of these usernames (unknown ones left out), in the order asked. */
  async find(usernames: readonly string[]): Promise<IUserRef[]> {
    const now = Date.now();
    const missing: string[] = [];
    for (const name of usernames) {
      const hit = this.byName.get(name);
      if (!hit || now - hit.at > (hit.user ? USER_TTL_MS : UNKNOWN_USER_TTL_MS)) {
        missing.push(name);
      }
    }
    if (missing.length) {
      const found = await this.rpc.send(InternalPattern.UsersLookup, { usernames: missing });
      if (this.byName.size + missing.length > MAX_ENTRIES) {
        this.byName.clear();
        this.nameById.clear();
      }
      const at = Date.now();
      for (const name of missing) {
        this.byName.set(name, { user: null, at });
      }
      for (const user of found) {
        this.byName.set(user.username, { user, at });
        this.nameById.set(user._id, user.username);
      }
    }
    return usernames.map((n) => this.byName.get(n)?.user).filter((u): u is IUserRef => !!u);
  }
}
