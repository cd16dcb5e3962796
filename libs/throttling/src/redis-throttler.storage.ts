import { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import Redis from 'ioredis';

/**
 * Fixed-window counters in Redis, shared by every gateway replica: one INCR + PEXPIRE per limited request
 * (a single round trip, atomic in a Lua script).
 */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { hits, ttl }
`;

export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'rc:ratelimit',
  ) {
    this.redis.defineCommand('rcThrottleIncr', { numberOfKeys: 1, lua: INCREMENT });
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const [hits, pttl] = await (
      this.redis as unknown as { rcThrottleIncr(k: string, ttl: number): Promise<[number, number]> }
    ).rcThrottleIncr(`${this.prefix}:${throttlerName}:${key}`, ttl);
    const timeToExpire = Math.ceil(pttl / 1000);
    const isBlocked = hits > limit;
    return { totalHits: hits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }

  /** Milliseconds until the window of `key` resets, from the same counters. */
  async pttl(key: string, throttlerName: string): Promise<number> {
    return this.redis.pttl(`${this.prefix}:${throttlerName}:${key}`);
  }
}
