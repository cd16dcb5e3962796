/**
 * Every Rocket.Chat setting this server knows, with Rocket.Chat's ids, types, defaults, groups, sections and
 * public flags: the ones any implemented or planned endpoint reads, and the rest of their groups, so that
 * settings.public and settings answer like a real server's. Seeded into `rocketchat_settings` at every start
 * (the metadata is refreshed, a stored value is kept); `OVERWRITE_SETTING_<id>` forces a value at every start.
 * Each area keeps its own table in `data/<area>.settings.ts`.
 */
import { ACCOUNTS_SETTINGS, DEFAULT_PREFERENCE_PREFIX } from './accounts.settings';
import { EMAIL_SETTINGS } from './email.settings';
import { GENERAL_SETTINGS, SERVER_SETTINGS } from './general.settings';
import { INTEGRATIONS_SETTINGS } from './integrations.settings';
import { ASSETS_SETTINGS, LAYOUT_SETTINGS } from './layout.settings';
import { DISCUSSION_SETTINGS, MESSAGE_SETTINGS, THREADS_SETTINGS } from './message.settings';
import { OAUTH_SETTINGS } from './oauth.settings';
import { OMNICHANNEL_SETTINGS } from './omnichannel.settings';
import { RATE_LIMITER_SETTINGS } from './rate-limiter.settings';
import { ROOMS_SETTINGS } from './rooms.settings';
import type { DefaultSetting, SettingType, SettingValue } from './setting-types';
import { TROUBLESHOOT_SETTINGS } from './troubleshoot.settings';
import {
  EMOJI_STORAGE_SETTINGS,
  FILE_UPLOAD_SETTINGS,
  SOUNDS_STORAGE_SETTINGS,
  USER_DATA_DOWNLOAD_SETTINGS,
} from './uploads.settings';

export type { DefaultSetting, SettingType, SettingValue } from './setting-types';
export { DEFAULT_PREFERENCE_PREFIX } from './accounts.settings';

export const DEFAULT_SETTINGS: DefaultSetting[] = [
  ...SERVER_SETTINGS,
  ...GENERAL_SETTINGS,
  ...ACCOUNTS_SETTINGS,
  ...OAUTH_SETTINGS,
  ...RATE_LIMITER_SETTINGS,
  ...MESSAGE_SETTINGS,
  ...THREADS_SETTINGS,
  ...DISCUSSION_SETTINGS,
  ...FILE_UPLOAD_SETTINGS,
  ...EMOJI_STORAGE_SETTINGS,
  ...SOUNDS_STORAGE_SETTINGS,
  ...USER_DATA_DOWNLOAD_SETTINGS,
  ...LAYOUT_SETTINGS,
  ...ASSETS_SETTINGS,
  ...EMAIL_SETTINGS,
  ...OMNICHANNEL_SETTINGS,
  ...ROOMS_SETTINGS,
  ...INTEGRATIONS_SETTINGS,
  ...TROUBLESHOOT_SETTINGS,
];

export const DEFAULT_SETTINGS_BY_ID = new Map(DEFAULT_SETTINGS.map((d) => [d._id, d]));

/** The ids of the default user preferences (`Accounts_Default_User_Preferences_<key>`). */
export const DEFAULT_PREFERENCE_IDS = DEFAULT_SETTINGS.map((s) => s._id).filter((id) =>
  id.startsWith(DEFAULT_PREFERENCE_PREFIX),
);

/**
 * Parses an `OVERWRITE_SETTING_<id>` string into the setting's type (Rocket.Chat's overwriteSetting): booleans
 * from `true`, numbers, multiSelect from a JSON array or a comma list; everything else as written.
 */
export function parseSettingValue(type: SettingType, raw: string): SettingValue {
  switch (type) {
    case 'boolean':
      return raw.trim().toLowerCase() === 'true';
    case 'int': {
      const n = Number(raw);
      if (!Number.isFinite(n)) {
        throw new Error(`setting value "${raw}" is not a number`);
      }
      return n;
    }
    case 'multiSelect': {
      const text = raw.trim();
      if (text.startsWith('[')) {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string')) {
          return parsed;
        }
        throw new Error(`setting value "${raw}" is not a list of strings`);
      }
      return text
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
    }
    default:
      return raw;
  }
}
