import { DefaultSetting, setting } from './setting-types';

/**
 * Settings of the user-admin area (Rocket.Chat ids, types and defaults): what a user may change about
 * themselves, the 2FA password fallback, presence, username suggestions, custom fields, and the default user
 * preferences (`Accounts_Default_User_Preferences_<key>`, merged under a user's own preferences).
 */
export const USER_ADMIN_SETTINGS: DefaultSetting[] = [
  // Accounts
  setting('Accounts_AllowUserProfileChange', 'boolean', true, 'Accounts', true),
  setting('Accounts_AllowRealNameChange', 'boolean', true, 'Accounts', true),
  setting('Accounts_AllowUserStatusMessageChange', 'boolean', true, 'Accounts', true),
  setting('Accounts_AllowUsernameChange', 'boolean', true, 'Accounts', true),
  setting('Accounts_AllowEmailChange', 'boolean', true, 'Accounts', true),
  setting('Accounts_AllowPasswordChange', 'boolean', true, 'Accounts', true),
  setting('Accounts_AllowInvisibleStatusOption', 'boolean', true, 'Accounts', true),
  setting('Accounts_DefaultUsernamePrefixSuggestion', 'string', 'user', 'Accounts'),
  setting('Accounts_CustomFields', 'string', '', 'Accounts', true),
  setting('Accounts_TwoFactorAuthentication_RememberFor', 'int', 1800, 'Accounts'),
  setting('Accounts_TwoFactorAuthentication_Enforce_Password_Fallback', 'boolean', true, 'Accounts', true),
  // General
  setting('UTF8_Names_Slugify', 'boolean', true, 'General', true),
  // Troubleshoot
  setting('Presence_broadcast_disabled', 'boolean', false, 'Troubleshoot', true),
  // Accounts > Default User Preferences
  setting('Accounts_Default_User_Preferences_enableAutoAway', 'boolean', true, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_idleTimeLimit', 'int', 300, 'Accounts', true),
  setting(
    'Accounts_Default_User_Preferences_desktopNotificationRequireInteraction',
    'boolean',
    false,
    'Accounts',
    true,
  ),
  setting('Accounts_Default_User_Preferences_desktopNotifications', 'string', 'all', 'Accounts', true),
  setting('Accounts_Default_User_Preferences_pushNotifications', 'string', 'all', 'Accounts', true),
  setting('Accounts_Default_User_Preferences_unreadAlert', 'boolean', true, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_useEmojis', 'boolean', true, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_convertAsciiEmoji', 'boolean', true, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_autoImageLoad', 'boolean', true, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_saveMobileBandwidth', 'boolean', true, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_collapseMediaByDefault', 'boolean', false, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_hideUsernames', 'boolean', false, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_hideRoles', 'boolean', false, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_hideFlexTab', 'boolean', false, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_displayAvatars', 'boolean', true, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_sidebarGroupByType', 'boolean', true, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_themeAppearence', 'string', 'auto', 'Accounts', true),
  setting('Accounts_Default_User_Preferences_sidebarViewMode', 'string', 'medium', 'Accounts', true),
  setting('Accounts_Default_User_Preferences_sidebarDisplayAvatar', 'boolean', true, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_sidebarShowUnread', 'boolean', false, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_sidebarSortby', 'string', 'activity', 'Accounts', true),
  setting('Accounts_Default_User_Preferences_showThreadsInMainChannel', 'boolean', false, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_alsoSendThreadToChannel', 'string', 'default', 'Accounts', true),
  setting('Accounts_Default_User_Preferences_sidebarShowFavorites', 'boolean', true, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_sendOnEnter', 'string', 'normal', 'Accounts', true),
  setting('Accounts_Default_User_Preferences_emailNotificationMode', 'string', 'mentions', 'Accounts', true),
  setting('Accounts_Default_User_Preferences_newRoomNotification', 'string', 'door', 'Accounts', true),
  setting('Accounts_Default_User_Preferences_newMessageNotification', 'string', 'chime', 'Accounts', true),
  setting('Accounts_Default_User_Preferences_muteFocusedConversations', 'boolean', true, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_notificationsSoundVolume', 'int', 100, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_omnichannelTranscriptEmail', 'boolean', false, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_notifyCalendarEvents', 'boolean', true, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_enableMobileRinging', 'boolean', true, 'Accounts', true),
  setting('Accounts_Default_User_Preferences_featuresPreview', 'string', '[]', 'Accounts', true),
];

/** The prefix of the default-preference settings; the rest of the id is the preference key. */
export const DEFAULT_PREFERENCE_PREFIX = 'Accounts_Default_User_Preferences_';
