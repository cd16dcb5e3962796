import { RcEventName, RcEventPayloads } from '@app/contracts';
import Redis from 'ioredis';
import { eventsChannel } from './keys';

type Listener = <E extends RcEventName>(event: E, payload: RcEventPayloads[E]) => void;

/**
 * Domain events on Redis publish/subscribe: every replica of every app that subscribes sees each event
 * (cache invalidation, future realtime fan-out). Not for work that must run exactly once: that goes to a
 * service's stream (`RpcClient.emit`).
 */
export class EventBus {
  private pub?: Redis;
  private sub?: Redis;
  private readonly listeners = new Set<Listener>();
  private readonly channel: string;

  constructor(
    private readonly redisUrl: string,
    prefix: string,
  ) {
    this.channel = eventsChannel(prefix);
  }

  async publish<E extends RcEventName>(event: E, payload: RcEventPayloads[E]): Promise<void> {
    if (!this.pub) {
      this.pub = new Redis(this.redisUrl, { maxRetriesPerRequest: null, connectionName: 'events:pub' });
      this.pub.on('error', () => undefined);
    }
    await this.pub.publish(this.channel, JSON.stringify({ event, payload }));
  }

  async subscribe(listener: Listener): Promise<void> {
    this.listeners.add(listener);
    if (!this.sub) {
      this.sub = new Redis(this.redisUrl, { maxRetriesPerRequest: null, connectionName: 'events:sub' });
      this.sub.on('error', () => undefined);
      this.sub.on('message', (_c: string, raw: string) => {
        try {
          const { event, payload } = JSON.parse(raw) as { event: RcEventName; payload: never };
          for (const l of this.listeners) {
            l(event, payload);
          }
        } catch {
          // malformed event: ignore
        }
      });
      await this.sub.subscribe(this.channel);
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.pub?.quit(), this.sub?.quit()]);
  }
}
