import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { RcEvent } from '@app/contracts';
import { SettingsReader } from '@app/settings';
import { EventBus } from '@app/transport';
import { DEFAULT_SETTINGS, parseSettingValue } from './data/default-settings';
import { Setting } from './schemas/setting.schema';

export const OVERWRITE_PREFIX = 'OVERWRITE_SETTING_';

/**
 * Owner of `rocketchat_settings`. Seeds defaults, applies `OVERWRITE_SETTING_<id>` at start, and answers reads
 * from a small in-process copy that every replica drops when a `settings.changed` event arrives.
 */
@Injectable()
export class SettingsService extends SettingsReader implements OnModuleInit {
  private readonly logger = new Logger(SettingsService.name);
  private cache = new Map<string, unknown>();
  private loaded = false;
  private generation = 0;

  constructor(
    @InjectModel(Setting.name) private readonly settings: Model<Setting>,
    @Inject(EventBus) private readonly events: EventBus,
  ) {
    super();
  }

  async onModuleInit(): Promise<void> {
    await this.seed(process.env);
    await this.events.subscribe((event) => {
      if (event === RcEvent.SettingsChanged) {
        this.generation++;
        this.loaded = false;
      }
    });
  }

  /** Inserts missing defaults; env overwrites replace the stored value. */
  async seed(env: NodeJS.ProcessEnv): Promise<void> {
    const now = new Date();
    const changed: string[] = [];
    for (const def of DEFAULT_SETTINGS) {
      await this.settings.updateOne(
        { _id: def._id },
        {
          $setOnInsert: { value: def.packageValue, ts: now },
          $set: { packageValue: def.packageValue, type: def.type, group: def.group, public: def.public ?? false },
        },
        { upsert: true },
      );
      const raw = env[`${OVERWRITE_PREFIX}${def._id}`];
      if (raw !== undefined) {
        const value = parseSettingValue(def.type, raw);
        await this.settings.updateOne({ _id: def._id }, { $set: { value, _updatedAt: now } });
        changed.push(def._id);
        this.logger.log(`setting ${def._id} overwritten from the environment`);
      }
    }
    this.generation++;
    this.loaded = false;
    if (changed.length) {
      await this.events.publish(RcEvent.SettingsChanged, { ids: changed });
    }
  }

  private async load(): Promise<void> {
    const generation = this.generation;
    const docs = await this.settings.find({}, { _id: 1, value: 1 }).lean();
    this.cache = new Map(docs.map((d) => [d._id, d.value]));
    // a change announced while reading makes this copy stale at once
    this.loaded = generation === this.generation;
  }

  async all(): Promise<ReadonlyMap<string, unknown>> {
    if (!this.loaded) {
      await this.load();
    }
    return this.cache;
  }

  async set(id: string, value: unknown): Promise<void> {
    await this.settings.updateOne({ _id: id }, { $set: { value, _updatedAt: new Date() } }, { upsert: true });
    this.generation++;
    this.loaded = false;
    await this.events.publish(RcEvent.SettingsChanged, { ids: [id] });
  }
}
