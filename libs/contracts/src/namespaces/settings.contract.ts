/** settings.*, settings/:_id and service.configurations: reading and changing Rocket.Chat's settings. */
import type { CallerPayload, Empty, Paged, PageRequest, TwoFactorPayload } from '../common/types';
import type { ISetting } from '../documents';
import { definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const SettingsPattern = definePatterns({
  Public: { pattern: 'settings.public', service: USERS_ROOMS_SERVICE },
  OAuth: { pattern: 'settings.oauth', service: USERS_ROOMS_SERVICE },
  ServiceConfigurations: { pattern: 'service.configurations', service: USERS_ROOMS_SERVICE },
  List: { pattern: 'settings.list', service: USERS_ROOMS_SERVICE },
  GetOne: { pattern: 'settings.getOne', service: USERS_ROOMS_SERVICE },
  Update: { pattern: 'settings.update', service: USERS_ROOMS_SERVICE },
});

/** Fields a settings list's `query` may filter on and `sort` / `fields` may name. */
export const SETTINGS_QUERY_FIELDS = [
  '_id',
  'value',
  'packageValue',
  'type',
  'group',
  'section',
  'public',
  'hidden',
  'blocked',
  'readonly',
  'secret',
  'enterprise',
  'i18nLabel',
  'i18nDescription',
  'sorter',
  'values',
  'editor',
  'ts',
  '_updatedAt',
] as const;

/** settings.public: public settings, paged; `_id` a comma-separated list of ids (7.0). */
export interface SettingsPublicPayload {
  page: PageRequest;
  ids?: string[];
}

/** settings: every setting for `view-privileged-setting` holders, else the public ones. */
export interface SettingsListPayload extends CallerPayload {
  page: PageRequest;
  /** add each setting's `packageValue` (its default) */
  includeDefaults?: boolean;
}

export interface SettingsGetOnePayload extends CallerPayload {
  _id: string;
}

/**
 * POST settings/:_id: `value` (typed by the setting), or `execute: true` for an action setting, or `value` and
 * `editor` for a colour setting. A key left out is absent here, so `'value' in payload` tells a sent `null`
 * from no value.
 */
export interface SettingsUpdatePayload extends TwoFactorPayload {
  _id: string;
  value?: unknown;
  execute?: boolean;
  editor?: string;
}

/** A login service as settings.oauth describes it (never its secret). */
export interface OAuthServiceInfo {
  _id: string;
  name: string;
  clientId: string;
  buttonLabelText: string;
  buttonColor: string;
  buttonLabelColor: string;
  custom: boolean;
}

/** A login service configuration (Meteor's `meteor_accounts_loginServiceConfiguration`), less its secret. */
export interface LoginServiceConfiguration {
  _id: string;
  service: string;
  [key: string]: unknown;
}

declare module '../registry' {
  interface RcContract {
    [SettingsPattern.Public]: { payload: SettingsPublicPayload; result: Paged<'settings', ISetting> };
    [SettingsPattern.OAuth]: { payload: Record<string, never>; result: { services: OAuthServiceInfo[] } };
    [SettingsPattern.ServiceConfigurations]: {
      payload: Record<string, never>;
      result: { configurations: LoginServiceConfiguration[] };
    };
    [SettingsPattern.List]: { payload: SettingsListPayload; result: Paged<'settings', ISetting> };
    [SettingsPattern.GetOne]: { payload: SettingsGetOnePayload; result: { _id: string; value: unknown } };
    [SettingsPattern.Update]: { payload: SettingsUpdatePayload; result: Empty };
  }
}
