/**
 * Read access to Rocket.Chat's settings (`rocketchat_settings`), the same in every app: the owner (users-rooms)
 * reads its own collection, every other app asks it over the transport and keeps a copy (`SettingsClient`).
 */
const views = new WeakMap<ReadonlyMap<string, unknown>, WeakMap<object, object>>();

export abstract class SettingsReader {
  /** Every setting's current value, by id (a snapshot: do not mutate). */
  abstract all(): Promise<ReadonlyMap<string, unknown>>;

  async get<T = unknown>(id: string): Promise<T | undefined> {
    return (await this.all()).get(id) as T | undefined;
  }

  async getMany(ids: readonly string[]): Promise<Record<string, unknown>> {
    const all = await this.all();
    return Object.fromEntries(ids.map((id) => [id, all.get(id)]));
  }

  async number(id: string, fallback: number): Promise<number> {
    const v = Number(await this.get(id));
    return Number.isFinite(v) ? v : fallback;
  }

  async boolean(id: string, fallback: boolean): Promise<boolean> {
    const v = await this.get(id);
    return typeof v === 'boolean' ? v : fallback;
  }

  async string(id: string, fallback: string): Promise<string> {
    const v = await this.get(id);
    return typeof v === 'string' ? v : fallback;
  }

  /**
   * A typed view of some settings: each key's current value when it has the default's type, else the default.
   * Built once per loaded copy of the settings (no work per call on a hot path).
   */
  async view<T extends Record<string, string | number | boolean>>(defaults: T): Promise<Readonly<T>> {
    const all = await this.all();
    let byDefaults = views.get(all);
    if (!byDefaults) {
      byDefaults = new WeakMap();
      views.set(all, byDefaults);
    }
    let view = byDefaults.get(defaults) as T | undefined;
    if (!view) {
      const out: Record<string, unknown> = {};
      for (const [key, fallback] of Object.entries(defaults)) {
        const value = all.get(key);
        out[key] =
          typeof value === typeof fallback && (typeof value !== 'number' || Number.isFinite(value)) ? value : fallback;
      }
      view = Object.freeze(out) as T;
      byDefaults.set(defaults, view);
    }
    return view;
  }
}
