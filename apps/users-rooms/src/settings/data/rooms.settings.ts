import { DefaultSetting, setting } from './setting-types';

/**
 * Settings of direct messages, invites, the directory and spotlight (Rocket.Chat ids, types and defaults).
 * `DirectMesssage_maxUsers` keeps Rocket.Chat's spelling.
 */
export const ROOMS_SETTINGS: DefaultSetting[] = [
  // Message
  setting('Message_AllowDirectMessagesToYourself', 'boolean', true, 'Message', true),
  setting('DirectMesssage_maxUsers', 'int', 8, 'Message', true),
  // Accounts
  setting('Accounts_SearchFields', 'string', 'username, name, bio, nickname', 'Accounts'),
  setting('Accounts_Registration_InviteUrlType', 'string', 'proxy', 'Accounts'),
  // General
  setting('Number_of_users_autocomplete_suggestions', 'int', 5, 'General'),
  setting('DeepLink_Url', 'string', 'https://go.rocket.chat', 'General', true),
  setting('Store_Last_Message', 'boolean', true, 'General', true),
  // Layout
  setting('UI_Use_Real_Name', 'boolean', false, 'Layout', true),
];
