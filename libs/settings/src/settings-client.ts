import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InternalPattern, RcEvent } from '@app/contracts';
import { EventBus, RpcClient } from '@app/transport';
import { FreshCopy } from './fresh-copy';
import { SettingsReader } from './settings-reader';

const LOAD_TIMEOUT_MS = 2000;

/**
 * Every setting in memory, asked once of users-rooms (the owner) and asked again after any replica publishes
 * `settings.changed`, so a change made through any gateway is seen by every app and replica at once. While the
 * owner cannot be reached the last copy is used (empty before the first load: callers pass their defaults), so
 * a read never blocks a request for long.
 */
@Injectable()
export class SettingsClient extends SettingsReader implements OnModuleInit {
  private readonly logger = new Logger(SettingsClient.name);
  private readonly copy = new FreshCopy<ReadonlyMap<string, unknown>>(
    new Map(),
    async () => new Map(Object.entries(await this.rpc.send(InternalPattern.SettingsGet, { ids: [] }, LOAD_TIMEOUT_MS))),
    (err) => this.logger.warn(`settings not refreshed: ${err.message}`),
  );

  constructor(
    private readonly rpc: RpcClient,
    private readonly events: EventBus,
  ) {
    super();
  }

  async onModuleInit(): Promise<void> {
    await this.events.subscribe((event) => {
      if (event === RcEvent.SettingsChanged) {
        this.invalidate();
      }
    });
  }

  /**
   * Drops this copy; the next read asks the owner again. Every replica does it on `settings.changed`; the one
   * that relayed a change calls it at once too, so its own next request sees the change (read your writes).
   */
  invalidate(): void {
    this.copy.invalidate();
  }

  all(): Promise<ReadonlyMap<string, unknown>> {
    return this.copy.get();
  }
}
