import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDeepStrictEqual } from 'node:util';
import { FilterQuery, Model } from 'mongoose';
import { APP_ENV, UsersRoomsEnv } from '@app/config';
import { ISetting, RcEvent } from '@app/contracts';
import { randomId } from '@app/database';
import { FreshCopy, SettingsReader } from '@app/settings';
import { EventBus } from '@app/transport';
import { DEFAULT_SETTINGS, DefaultSetting, parseSettingValue } from './data/default-settings';
import { Setting } from './schemas/setting.schema';

export const OVERWRITE_PREFIX = 'OVERWRITE_SETTING_';

/** What a setting's stored metadata is: everything of its default but the value. */
type Metadata = Omit<DefaultSetting, 'packageValue' | 'random'>;

const idList = (text: string) =>
  new Set(
    text
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  );

/** The value the server applies: an Enterprise setting's `invalidValue` on this unlicensed server. */
export function effectiveValue(doc: Pick<ISetting, 'value'> & { enterprise?: unknown; invalidValue?: unknown }) {
  return doc.enterprise === true && 'invalidValue' in doc ? doc.invalidValue : doc.value;
}

export interface SettingsQuery {
  filter: FilterQuery<Setting>;
  sort: Record<string, 1 | -1>;
  skip: number;
  /** 0 = no limit */
  limit: number;
  projection: Record<string, 0 | 1>;
}

/**
 * Owner of `rocketchat_settings`. Seeds the defaults at start (refreshing their metadata, keeping stored values,
 * applying `SETTINGS_HIDDEN` / `SETTINGS_BLOCKED` and `OVERWRITE_SETTING_<id>`), and answers reads from a small
 * in-process copy that every replica drops when a `settings.changed` event arrives.
 */
@Injectable()
export class SettingsService extends SettingsReader implements OnModuleInit {
  private readonly logger = new Logger(SettingsService.name);
  /** this replica's copy of every value, read again after any `settings.changed` */
  private readonly copy = new FreshCopy<ReadonlyMap<string, unknown>>(
    new Map(),
    () => this.readAll(),
    (err) => this.logger.warn(`settings not re-read, the last copy serves: ${err.message}`),
  );

  constructor(
    @InjectModel(Setting.name) private readonly settings: Model<Setting>,
    @Inject(EventBus) private readonly events: EventBus,
    @Inject(APP_ENV) private readonly env: UsersRoomsEnv,
  ) {
    super();
  }

  async onModuleInit(): Promise<void> {
    await this.seed(process.env);
    await this.events.subscribe((event) => {
      if (event === RcEvent.SettingsChanged) {
        this.invalidate();
      }
    });
  }

  private invalidate(): void {
    this.copy.invalidate();
  }

  /**
   * Inserts missing defaults and refreshes the metadata of the others. A stored value that still equals the
   * old default follows a changed default (it was never customised); `OVERWRITE_SETTING_<id>` replaces the
   * stored value.
   */
  async seed(env: NodeJS.ProcessEnv): Promise<void> {
    const now = new Date();
    const hidden = idList(this.env.SETTINGS_HIDDEN);
    const blocked = idList(this.env.SETTINGS_BLOCKED);
    const stored = new Map(
      (await this.settings.find({}, { _id: 1, value: 1, packageValue: 1 }).lean()).map((d) => [d._id, d]),
    );
    const ops = DEFAULT_SETTINGS.map((def) => {
      const { packageValue, random, ...rest } = def;
      const metadata: Metadata & { blocked: boolean } = {
        ...rest,
        hidden: !!def.hidden || hidden.has(def._id),
        blocked: blocked.has(def._id),
      };
      const current = stored.get(def._id);
      const $set: Record<string, unknown> = { ...metadata, packageValue };
      if (!current) {
        // a new setting (an upsert, so several replicas starting at once agree)
        return {
          updateOne: {
            filter: { _id: def._id },
            update: {
              $set,
              $setOnInsert: { value: random ? randomId() : packageValue, ts: now, createdAt: now, _updatedAt: now },
            },
            upsert: true,
          },
        };
      }
      const uncustomised = isDeepStrictEqual(current.value, current.packageValue);
      if (uncustomised && !random && !isDeepStrictEqual(current.value, packageValue)) {
        Object.assign($set, { value: packageValue, _updatedAt: now });
      }
      return { updateOne: { filter: { _id: def._id }, update: { $set } } };
    });
    await this.settings.bulkWrite(ops, { ordered: false });

    const changed: string[] = [];
    for (const [key, raw] of Object.entries(env)) {
      if (!key.startsWith(OVERWRITE_PREFIX) || raw === undefined) {
        continue;
      }
      const id = key.slice(OVERWRITE_PREFIX.length);
      const def = DEFAULT_SETTINGS.find((d) => d._id === id);
      if (!def) {
        this.logger.warn(`${key}: no setting ${id}, ignored`);
        continue;
      }
      await this.settings.updateOne(
        { _id: id },
        { $set: { value: parseSettingValue(def.type, raw), valueSource: 'processEnvValue', _updatedAt: now } },
      );
      changed.push(id);
      this.logger.log(`setting ${id} overwritten from the environment`);
    }
    this.invalidate();
    if (changed.length) {
      await this.events.publish(RcEvent.SettingsChanged, { ids: changed });
    }
  }

  /** Every value as stored now (no cache): what the other apps' settings clients load. */
  async readAll(): Promise<Map<string, unknown>> {
    const docs = await this.settings.find({}, { _id: 1, value: 1, enterprise: 1, invalidValue: 1 }).lean();
    return new Map(docs.map((d) => [d._id, effectiveValue(d)]));
  }

  /** Every setting's current value (Enterprise settings at their Community value), by id. */
  all(): Promise<ReadonlyMap<string, unknown>> {
    return this.copy.get();
  }

  /** A setting that the API may show (not hidden), as stored. */
  findVisible(id: string): Promise<ISetting | null> {
    return this.settings.findOne({ _id: id, hidden: { $ne: true } }).lean<ISetting>();
  }

  /** A page of settings and the number of all that match. */
  async find(q: SettingsQuery): Promise<{ settings: ISetting[]; total: number }> {
    const [settings, total] = await Promise.all([
      this.settings
        .find(q.filter, q.projection, { sort: q.sort, skip: q.skip, ...(q.limit ? { limit: q.limit } : {}) })
        .lean<ISetting[]>(),
      this.settings.countDocuments(q.filter),
    ]);
    return { settings, total };
  }

  /**
   * Stores a new value (and a colour setting's editor) unless the setting is hidden or blocked, then tells
   * every app and replica. False when no such changeable setting exists.
   */
  async update(id: string, value: unknown, options: { editor?: string } = {}): Promise<boolean> {
    const res = await this.settings.updateOne(
      { _id: id, hidden: { $ne: true }, blocked: { $ne: true } },
      { $set: { value, ...(options.editor ? { editor: options.editor } : {}), _updatedAt: new Date() } },
    );
    if (!res.matchedCount) {
      return false;
    }
    this.invalidate();
    await this.events.publish(RcEvent.SettingsChanged, { ids: [id] });
    return true;
  }

  /** Sets a value from inside the server (first-start markers); no checks. */
  async set(id: string, value: unknown): Promise<void> {
    await this.settings.updateOne({ _id: id }, { $set: { value, _updatedAt: new Date() } }, { upsert: true });
    this.invalidate();
    await this.events.publish(RcEvent.SettingsChanged, { ids: [id] });
  }
}
