import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { PermissionStore } from '@app/auth';
import { IRole, RcEvent } from '@app/contracts';
import { EventBus } from '@app/transport';
import { DEFAULT_SETTINGS } from '../settings/data/default-settings';
import { DEFAULT_PERMISSIONS, DEFAULT_ROLES } from './data/default-permissions';
import { Permission } from './schemas/permission.schema';
import { Role } from './schemas/role.schema';

/**
 * Owner of roles and permissions. Seeds Rocket.Chat's defaults (missing ones only), and checks permissions
 * against a cached table that every replica reloads on `permissions.changed`.
 */
@Injectable()
export class AuthorizationService implements OnModuleInit {
  readonly store = new PermissionStore(() => this.listAll());

  constructor(
    @InjectModel(Permission.name) private readonly permissions: Model<Permission>,
    @InjectModel(Role.name) private readonly roles: Model<Role>,
    @Inject(EventBus) private readonly events: EventBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.seed();
    await this.events.subscribe((event) => {
      if (event === RcEvent.PermissionsChanged) {
        this.store.invalidate();
      }
    });
  }

  async seed(): Promise<void> {
    const now = new Date();
    await this.roles.bulkWrite(
      DEFAULT_ROLES.map((r) => ({
        updateOne: {
          filter: { _id: r._id },
          update: {
            $setOnInsert: {
              name: r._id,
              scope: r.scope,
              description: r.description,
              protected: true,
              mandatory2fa: false,
              _updatedAt: now,
            },
          },
          upsert: true,
        },
      })),
    );
    await this.permissions.bulkWrite(
      Object.entries(DEFAULT_PERMISSIONS).map(([id, roles]) => ({
        updateOne: {
          filter: { _id: id },
          update: { $setOnInsert: { roles: roles ? roles.split(' ') : [], _updatedAt: now } },
          upsert: true,
        },
      })),
    );
    // Rocket.Chat's per-setting permissions (`change-setting-<id>`, admin by default): with
    // `manage-selected-settings`, they let a role change chosen settings only
    await this.permissions.bulkWrite(
      DEFAULT_SETTINGS.filter((s) => !s.hidden).map((s) => ({
        updateOne: {
          filter: { _id: `change-setting-${s._id}` },
          update: {
            $setOnInsert: { roles: ['admin'], _updatedAt: now },
            $set: {
              level: 'settings',
              settingId: s._id,
              group: s.group,
              sorter: s.sorter,
              ...(s.section ? { section: s.section } : {}),
            },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    );
    this.store.invalidate();
  }

  async listAll(): Promise<{ _id: string; roles: string[] }[]> {
    return this.permissions.find({}, { _id: 1, roles: 1 }).lean();
  }

  hasPermission(roles: readonly string[], permission: string): Promise<boolean> {
    return this.store.hasPermission(roles, permission);
  }

  hasAny(roles: readonly string[], permissions: readonly string[]): Promise<boolean> {
    return this.store.hasAny(roles, permissions);
  }

  /** Global roles plus the room-scoped roles of the user's subscription (owner, moderator, leader). */
  async hasPermissionInRoom(
    globalRoles: readonly string[],
    subscriptionRoles: readonly string[] | undefined,
    permission: string,
  ): Promise<boolean> {
    return this.store.hasPermission([...globalRoles, ...(subscriptionRoles ?? [])], permission);
  }

  async roleExists(id: string): Promise<boolean> {
    return (await this.roles.countDocuments({ _id: id })) > 0;
  }

  /** A role by id, else by name. */
  async findRole(idOrName: string): Promise<IRole | null> {
    return (
      (await this.roles.findById(idOrName).lean<IRole>()) ??
      (await this.roles.findOne({ name: idOrName }).lean<IRole>())
    );
  }

  findRoleById(id: string): Promise<IRole | null> {
    return this.roles.findById(id).lean<IRole>();
  }

  /** The ids of every role. */
  async roleIds(): Promise<string[]> {
    return (await this.roles.find({}, { _id: 1 }).lean()).map((r) => r._id);
  }

  /** Deletes a role and takes it out of every permission (roles.delete, once nobody holds it). */
  async deleteRole(id: string): Promise<void> {
    await this.roles.deleteOne({ _id: id });
    await this.permissions.updateMany({ roles: id }, { $pull: { roles: id }, $set: { _updatedAt: new Date() } });
    await this.permissionsChanged();
  }

  /** Reloads this replica's permission table and tells every other app and replica to reload theirs. */
  async permissionsChanged(ids?: string[]): Promise<void> {
    this.store.invalidate();
    await this.events.publish(RcEvent.PermissionsChanged, ids ? { ids } : {});
  }
}
