import { DefaultSetting, setting } from './setting-types';

/** Settings of the avatars area (Rocket.Chat ids, types and defaults). */
export const AVATARS_SETTINGS: DefaultSetting[] = [
  // users may change (and reset) their own avatar; `edit-other-user-avatar` holders may always
  setting('Accounts_AllowUserAvatarChange', 'boolean', true, 'Accounts', true),
  // Cache-Control max-age of GET /avatar/:username, in seconds
  setting('Accounts_AvatarCacheTime', 'int', 3600, 'Accounts'),
  // initials avatars show the initials of the user's name (up to three) instead of the username's first letter
  setting('UI_Use_Name_Avatar', 'boolean', false, 'Layout', true),
  // largest upload in bytes (-1 = no limit); avatars are capped at 5 MB in any case (AVATAR_MAX_BYTES)
  setting('FileUpload_MaxFileSize', 'int', 104857600, 'FileUpload', true),
  // Not a Rocket.Chat setting: lets users.setAvatar download `avatarUrl` from loopback, private, link-local and
  // other non-public addresses (off: such URLs are refused with error-avatar-invalid-url).
  setting('Avatar_Allow_Private_Urls', 'boolean', false, 'Accounts'),
];
