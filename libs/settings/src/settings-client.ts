import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InternalPattern, RcEvent } from '@app/contracts';
import { EventBus, RpcClient } from '@app/transport';
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
  private values: ReadonlyMap<string, unknown> = new Map();
  private fresh = false;
  private loading?: Promise<void>;
  private generation = 0;

  constructor(
    private readonly rpc: RpcClient,
    private readonly events: EventBus,
  ) {
    super();
  }

  async onModuleInit(): Promise<void> {
    await this.events.subscribe((event) => {
      if (event === RcEvent.SettingsChanged) {
        this.generation++;
        this.fresh = false;
      }
    });
  }

  async all(): Promise<ReadonlyMap<string, unknown>> {
    if (!this.fresh) {
      this.loading ??= this.load().finally(() => (this.loading = undefined));
      await this.loading;
    }
    return this.values;
  }

  private async load(): Promise<void> {
    const generation = this.generation;
    try {
      const values = await this.rpc.send(InternalPattern.SettingsGet, { ids: [] }, LOAD_TIMEOUT_MS);
      this.values = new Map(Object.entries(values));
      // a change announced while loading makes this copy stale at once
      this.fresh = generation === this.generation;
    } catch (err) {
      this.logger.warn(`settings not refreshed: ${(err as Error).message}`);
    }
  }
}
