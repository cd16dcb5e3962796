import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { FilterQuery } from 'mongoose';
import {
  ISetting,
  LoginServiceConfiguration,
  OAuthServiceInfo,
  Paged,
  PageRequest,
  SettingsGetOnePayload,
  SettingsListPayload,
  SettingsPublicPayload,
  SettingsUpdatePayload,
} from '@app/contracts';
import { RcError } from '@app/envelope';
import { reviveQuery } from '@app/paging';
import { PermissionCheck } from '../common/permission-check.port';
import { SecondFactorCheck } from '../common/second-factor.port';
import { DEFAULT_SETTINGS } from './data/default-settings';
import { loginServiceConfigurations, oauthServiceInfos } from './login-services';
import { checkSettingValue, COLOR_EDITORS } from './rules/setting-value';
import { Setting } from './schemas/setting.schema';
import { SettingActions } from './setting-actions';
import { effectiveValue, SettingsService } from './settings.service';

/** What every listed setting carries (Rocket.Chat's fetchSettings projection); `fields` adds to it. */
const LIST_PROJECTION: Record<string, 1> = { _id: 1, value: 1, enterprise: 1, invalidValue: 1, modules: 1 };

/**
 * Rocket.Chat's `API.v1.failure()` without a message (unknown, hidden, blocked or protected setting): here
 * `{success: false, error: ''}`, as every failure envelope of this project carries an `error` string.
 */
const failure = () => RcError.plain('');

/** The per-setting permission `manage-selected-settings` holders need (Rocket.Chat's getSettingPermissionId). */
export const settingPermissionId = (id: string) => `change-setting-${id}`;

/**
 * The settings REST API: settings.public, settings (private settings for `view-privileged-setting` holders),
 * settings/:_id (read, and change with `edit-privileged-setting`, or `manage-selected-settings` plus the
 * setting's own `change-setting-<id>`, behind the second factor), settings.oauth and service.configurations.
 */
@Injectable()
export class SettingsApiService implements OnApplicationBootstrap {
  constructor(
    private readonly settings: SettingsService,
    private readonly permissions: PermissionCheck,
    private readonly secondFactor: SecondFactorCheck,
    private readonly actions: SettingActions,
  ) {}

  /** Every action setting can run: a setting whose action nobody registered fails the start. */
  onApplicationBootstrap(): void {
    const missing = DEFAULT_SETTINGS.filter(
      (s) => s.type === 'action' && !(typeof s.packageValue === 'string' && this.actions.has(s.packageValue)),
    );
    if (missing.length) {
      throw new Error(`no handler for the action settings ${missing.map((s) => s._id).join(', ')}`);
    }
  }

  /** settings.public */
  async publicSettings(p: SettingsPublicPayload): Promise<Paged<'settings', ISetting>> {
    const filter = {
      ...this.query(p.page),
      ...(p.ids?.length ? { _id: { $in: p.ids } } : {}),
      hidden: { $ne: true },
      public: true,
    };
    return this.page(filter, p.page, false);
  }

  /** settings: private settings too for `view-privileged-setting` holders; hidden ones never. */
  async list(p: SettingsListPayload): Promise<Paged<'settings', ISetting>> {
    const privileged = await this.permissions.hasPermission(p.caller.roles, 'view-privileged-setting');
    const filter = { ...this.query(p.page), hidden: { $ne: true }, ...(privileged ? {} : { public: true }) };
    return this.page(filter, p.page, !!p.includeDefaults);
  }

  private query(page: PageRequest): FilterQuery<Setting> {
    return page.query ? reviveQuery(page.query) : {};
  }

  private async page(
    filter: FilterQuery<Setting>,
    page: PageRequest,
    includeDefaults: boolean,
  ): Promise<Paged<'settings', ISetting>> {
    const projection: Record<string, 0 | 1> = { ...LIST_PROJECTION, ...(includeDefaults ? { packageValue: 1 } : {}) };
    for (const [field, on] of Object.entries(page.fields ?? {})) {
      if (on) {
        projection[field] = 1;
      } else if (field !== '_id') {
        delete projection[field];
      }
    }
    const { settings, total } = await this.settings.find({
      filter,
      projection,
      sort: page.sort ?? { _id: 1 },
      skip: page.offset,
      limit: page.count,
    });
    // an unlicensed server reports what it applies (Rocket.Chat's fetch-settings hook)
    const shown = settings.map((s) => ('value' in s ? { ...s, value: effectiveValue(s) } : s));
    return { settings: shown, count: shown.length, offset: page.offset, total };
  }

  /** settings/:_id (the route asks `view-privileged-setting`) */
  async getOne(p: SettingsGetOnePayload): Promise<{ _id: string; value: unknown }> {
    const setting = await this.settings.findVisible(p._id);
    if (!setting) {
      throw failure();
    }
    return { _id: setting._id, value: setting.value };
  }

  /** May the caller change this setting? `edit-privileged-setting`, or the setting's own permission. */
  private async mayChange(roles: readonly string[], id: string): Promise<boolean> {
    if (await this.permissions.hasPermission(roles, 'edit-privileged-setting')) {
      return true;
    }
    return (
      (await this.permissions.hasPermission(roles, 'manage-selected-settings')) &&
      this.permissions.hasPermission(roles, settingPermissionId(id))
    );
  }

  /** POST settings/:_id */
  async update(p: SettingsUpdatePayload): Promise<Record<string, never>> {
    if (!(await this.mayChange(p.caller.roles, p._id))) {
      throw RcError.forbidden();
    }
    await this.secondFactor.check(p.caller, p.twoFactor, false);
    const setting = await this.settings.findVisible(p._id);
    if (!setting) {
      throw failure();
    }
    if (setting.type === 'action' && p.execute === true) {
      await this.actions.run(typeof setting.value === 'string' ? setting.value : '', p.caller);
      return {};
    }
    // `execute` belongs to action settings, `editor` to colour settings: anything else is not a change
    if (!('value' in p) || p.execute !== undefined || (p.editor !== undefined && setting.type !== 'color')) {
      throw failure();
    }
    // blocked settings (SETTINGS_BLOCKED) and what the server keeps itself (markers, assets, action names) are
    // never a client's to change
    if (setting.blocked || setting.readonly || setting.type === 'action' || setting.type === 'asset') {
      throw failure();
    }
    const refusal = checkSettingValue(setting, p.value);
    if (refusal) {
      throw refusal;
    }
    let editor: string | undefined;
    if (setting.type === 'color' && p.editor !== undefined) {
      if (!(COLOR_EDITORS as readonly string[]).includes(p.editor)) {
        throw RcError.failure('error-invalid-setting-value', `Invalid setting value ${p.editor}`, {
          method: 'saveSettings',
        });
      }
      editor = p.editor;
    }
    if (!(await this.settings.update(setting._id, p.value, { editor }))) {
      throw failure();
    }
    return {};
  }

  /** service.configurations: the enabled login services, without their secrets. */
  async serviceConfigurations(): Promise<{ configurations: LoginServiceConfiguration[] }> {
    return { configurations: loginServiceConfigurations(await this.settings.readAll()) };
  }

  /** settings.oauth */
  async oauth(): Promise<{ services: OAuthServiceInfo[] }> {
    return { services: oauthServiceInfos(loginServiceConfigurations(await this.settings.readAll())) };
  }
}
