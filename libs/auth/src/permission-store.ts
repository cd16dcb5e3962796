export interface PermissionDoc {
  _id: string;
  roles: string[];
}

/**
 * The permission → roles table held in memory, reloaded when a `permissions.changed` event arrives (any
 * replica that changes a permission publishes it). Checks are pure set look-ups on the hot path.
 */
export class PermissionStore {
  private table = new Map<string, Set<string>>();
  private loading?: Promise<void>;
  private loaded = false;
  private generation = 0;

  constructor(private readonly loader: () => Promise<PermissionDoc[]>) {}

  /** Drops the table; the next check loads it again. */
  invalidate(): void {
    this.generation++;
    this.loaded = false;
    this.loading = undefined;
  }

  async ensureLoaded(): Promise<void> {
    if (this.loaded) {
      return;
    }
    if (!this.loading) {
      const gen = this.generation;
      this.loading = this.loader()
        .then((docs) => {
          if (gen !== this.generation) {
            return;
          }
          this.table = new Map(docs.map((d) => [d._id, new Set(d.roles)]));
          this.loaded = true;
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    await this.loading;
  }

  /** True if any of the roles holds the permission. */
  async hasPermission(roles: readonly string[], permission: string): Promise<boolean> {
    await this.ensureLoaded();
    return hasPermissionIn(this.table, roles, permission);
  }

  async hasAll(roles: readonly string[], permissions: readonly string[]): Promise<boolean> {
    await this.ensureLoaded();
    return permissions.every((p) => hasPermissionIn(this.table, roles, p));
  }

  async hasAny(roles: readonly string[], permissions: readonly string[]): Promise<boolean> {
    await this.ensureLoaded();
    return permissions.some((p) => hasPermissionIn(this.table, roles, p));
  }
}

export function hasPermissionIn(
  table: Map<string, Set<string>>,
  roles: readonly string[],
  permission: string,
): boolean {
  const allowed = table.get(permission);
  if (!allowed) {
    return false;
  }
  return roles.some((r) => allowed.has(r));
}
