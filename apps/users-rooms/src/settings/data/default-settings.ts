/**
 * Rocket.Chat settings this project reads, with Rocket.Chat's ids, types and defaults. Seeded into
 * `rocketchat_settings` when missing; `OVERWRITE_SETTING_<id>` forces a value at every start.
 */
export type SettingType = 'boolean' | 'int' | 'string';

export interface DefaultSetting {
  _id: string;
  type: SettingType;
  packageValue: boolean | number | string;
  group: string;
  public?: boolean;
}

const s = (
  _id: string,
  type: SettingType,
  packageValue: boolean | number | string,
  group: string,
  pub = false,
): DefaultSetting => ({
  _id,
  type,
  packageValue,
  group,
  public: pub,
});

export const DEFAULT_SETTINGS: DefaultSetting[] = [
  // General > REST API
  s('API_Default_Count', 'int', 50, 'General'),
  s('API_Upper_Count_Limit', 'int', 100, 'General'),
  s('API_Allow_Infinite_Count', 'boolean', true, 'General'),
  s('API_Enable_Direct_Message_History_EndPoint', 'boolean', false, 'General'),
  s('API_Enable_Shields', 'boolean', true, 'General'),
  // Rate Limiter > API Rate Limiter
  s('API_Enable_Rate_Limiter', 'boolean', true, 'Rate Limiter'),
  s('API_Enable_Rate_Limiter_Dev', 'boolean', true, 'Rate Limiter'),
  s('API_Enable_Rate_Limiter_Limit_Calls_Default', 'int', 10, 'Rate Limiter'),
  s('API_Enable_Rate_Limiter_Limit_Time_Default', 'int', 60000, 'Rate Limiter'),
  // General
  s('Site_Url', 'string', 'http://localhost:3000', 'General', true),
  s('Site_Name', 'string', 'Rocket.Chat', 'General', true),
  s('UTF8_User_Names_Validation', 'string', '[0-9a-zA-Z-_.]+', 'General', true),
  s('UTF8_Channel_Names_Validation', 'string', '[0-9a-zA-Z-_.]+', 'General', true),
  s('Initial_Channel_Created', 'boolean', false, 'General'),
  // Accounts
  s('Accounts_LoginExpiration', 'int', 90, 'Accounts', true),
  s('Accounts_AllowAnonymousRead', 'boolean', false, 'Accounts', true),
  s('Accounts_Registration_Users_Default_Roles', 'string', 'user', 'Accounts'),
  s('Accounts_RegistrationForm', 'string', 'Public', 'Accounts', true),
  s('Accounts_RequireNameForSignUp', 'boolean', true, 'Accounts', true),
  s('Accounts_AllowDeleteOwnAccount', 'boolean', false, 'Accounts', true),
  s('Accounts_TwoFactorAuthentication_Enabled', 'boolean', true, 'Accounts'),
  // Message
  s('Message_MaxAllowedSize', 'int', 5000, 'Message', true),
  s('Message_AllowEditing', 'boolean', true, 'Message', true),
  s('Message_AllowDeleting', 'boolean', true, 'Message', true),
  s('Message_AllowPinning', 'boolean', true, 'Message', true),
  s('Message_AllowStarring', 'boolean', true, 'Message', true),
  s('Threads_enabled', 'boolean', true, 'Threads', true),
  s('Discussion_enabled', 'boolean', true, 'Discussion', true),
  s('Unread_Count', 'string', 'user_and_group_mentions_only', 'General'),
  s('Unread_Count_DM', 'string', 'all_messages', 'General'),
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
