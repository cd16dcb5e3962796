/**
 * Rocket.Chat settings this project reads, with Rocket.Chat's ids, types and defaults. Seeded into
 * `rocketchat_settings` when missing; `OVERWRITE_SETTING_<id>` forces a value at every start. Each area keeps
 * its own list in `data/<area>.settings.ts`.
 */
import { ACCOUNTS_SETTINGS } from './accounts.settings';
import { AVATARS_SETTINGS } from './avatars.settings';
import { ROOMS_SETTINGS } from './rooms.settings';
import { DefaultSetting, setting, SettingType } from './setting-types';
import { USER_ADMIN_SETTINGS } from './user-admin.settings';
import { USER_JOBS_SETTINGS } from './user-jobs.settings';

export type { DefaultSetting, SettingType } from './setting-types';

const CORE_SETTINGS: DefaultSetting[] = [
  // General > REST API
  setting('API_Default_Count', 'int', 50, 'General'),
  setting('API_Upper_Count_Limit', 'int', 100, 'General'),
  setting('API_Allow_Infinite_Count', 'boolean', true, 'General'),
  setting('API_Enable_Direct_Message_History_EndPoint', 'boolean', false, 'General'),
  setting('API_Enable_Shields', 'boolean', true, 'General'),
  // Rate Limiter > API Rate Limiter
  setting('API_Enable_Rate_Limiter', 'boolean', true, 'Rate Limiter'),
  setting('API_Enable_Rate_Limiter_Dev', 'boolean', true, 'Rate Limiter'),
  setting('API_Enable_Rate_Limiter_Limit_Calls_Default', 'int', 10, 'Rate Limiter'),
  setting('API_Enable_Rate_Limiter_Limit_Time_Default', 'int', 60000, 'Rate Limiter'),
  // General
  setting('Site_Url', 'string', 'http://localhost:3000', 'General', true),
  setting('Site_Name', 'string', 'Rocket.Chat', 'General', true),
  setting('UTF8_User_Names_Validation', 'string', '[0-9a-zA-Z-_.]+', 'General', true),
  setting('UTF8_Channel_Names_Validation', 'string', '[0-9a-zA-Z-_.]+', 'General', true),
  setting('Initial_Channel_Created', 'boolean', false, 'General'),
  // Accounts
  setting('Accounts_LoginExpiration', 'int', 90, 'Accounts', true),
  setting('Accounts_AllowAnonymousRead', 'boolean', false, 'Accounts', true),
  setting('Accounts_Registration_Users_Default_Roles', 'string', 'user', 'Accounts'),
  setting('Accounts_RegistrationForm', 'string', 'Public', 'Accounts', true),
  setting('Accounts_RequireNameForSignUp', 'boolean', true, 'Accounts', true),
  setting('Accounts_AllowDeleteOwnAccount', 'boolean', false, 'Accounts', true),
  setting('Accounts_TwoFactorAuthentication_Enabled', 'boolean', true, 'Accounts'),
  // Message
  setting('Message_MaxAllowedSize', 'int', 5000, 'Message', true),
  setting('Message_AllowEditing', 'boolean', true, 'Message', true),
  setting('Message_AllowDeleting', 'boolean', true, 'Message', true),
  setting('Message_AllowPinning', 'boolean', true, 'Message', true),
  setting('Message_AllowStarring', 'boolean', true, 'Message', true),
  setting('Threads_enabled', 'boolean', true, 'Threads', true),
  setting('Discussion_enabled', 'boolean', true, 'Discussion', true),
  setting('Unread_Count', 'string', 'user_and_group_mentions_only', 'General'),
  setting('Unread_Count_DM', 'string', 'all_messages', 'General'),
];

export const DEFAULT_SETTINGS: DefaultSetting[] = [
  ...CORE_SETTINGS,
  ...ACCOUNTS_SETTINGS,
  ...AVATARS_SETTINGS,
  ...USER_JOBS_SETTINGS,
  ...USER_ADMIN_SETTINGS,
  ...ROOMS_SETTINGS,
];

export const DEFAULT_SETTINGS_BY_ID = new Map(DEFAULT_SETTINGS.map((d) => [d._id, d]));

/** Parses an `OVERWRITE_SETTING_<id>` string into the setting's type (Rocket.Chat's overwriteSetting). */
export function parseSettingValue(type: SettingType, raw: string): boolean | number | string {
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
    default:
      return raw;
  }
}
