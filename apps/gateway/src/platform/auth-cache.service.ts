import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { TokenResolver } from '@app/auth';
import { APP_ENV, GatewayEnv } from '@app/config';
import { AuthUser, InternalPattern, RcEvent } from '@app/contracts';
import { EventBus, RpcClient } from '@app/transport';

interface Entry {
  user: AuthUser;
  expiresAt: number;
}

const MAX_ENTRIES = 100_000;

/**
 * Resolves X-User-Id + hashed X-Auth-Token with no round trip on a hit: resolved callers stay in memory for
 * AUTH_CACHE_TTL_SECONDS and are dropped at once on every replica when users-rooms publishes that the user
 * changed or its tokens were revoked. A miss asks users-rooms (one transport round trip).
 */
@Injectable()
export class AuthCacheService extends TokenResolver implements OnModuleInit {
  private readonly entries = new Map<string, Entry>();
  private readonly byUser = new Map<string, Set<string>>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly events: EventBus,
    @Inject(APP_ENV) private readonly env: GatewayEnv,
  ) {
    super();
  }

  async onModuleInit(): Promise<void> {
    await this.events.subscribe((event, payload) => {
      if (event === RcEvent.UserChanged || event === RcEvent.TokensRevoked) {
        this.forgetUser((payload as { userId: string }).userId);
      } else if (event === RcEvent.PermissionsChanged) {
        // roles of cached users are unchanged; the permission table is reloaded by its own store
      }
    });
  }

  async resolve(userId: string, hashedToken: string): Promise<AuthUser | null> {
    const key = `${userId}\u0000${hashedToken}`;
    const hit = this.entries.get(key);
    const now = Date.now();
    if (hit && hit.expiresAt > now) {
      return hit.user;
    }
    const user = await this.rpc.send(InternalPattern.ResolveToken, { userId, hashedToken });
    if (!user) {
      this.entries.delete(key);
      return null;
    }
    this.remember(key, user, now);
    return user;
  }

  private remember(key: string, user: AuthUser, now: number): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) {
        this.entries.delete(oldest);
      }
    }
    this.entries.set(key, { user, expiresAt: now + this.env.AUTH_CACHE_TTL_SECONDS * 1000 });
    let keys = this.byUser.get(user._id);
    if (!keys) {
      keys = new Set();
      this.byUser.set(user._id, keys);
    }
    keys.add(key);
  }

  forgetUser(userId: string): void {
    for (const key of this.byUser.get(userId) ?? []) {
      this.entries.delete(key);
    }
    this.byUser.delete(userId);
  }
}
