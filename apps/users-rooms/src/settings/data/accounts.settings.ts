import { DefaultSetting, setting } from './setting-types';

/** OAuth services with an access-token login; `_API_URL` is ours (the provider base URL, for tests and proxies). */
const oauthService = (key: string, apiUrl: string): DefaultSetting[] => [
  setting(`Accounts_OAuth_${key}`, 'boolean', false, 'OAuth', true),
  setting(`Accounts_OAuth_${key}_id`, 'string', '', 'OAuth'),
  setting(`Accounts_OAuth_${key}_secret`, 'string', '', 'OAuth'),
  setting(`Accounts_OAuth_${key}_API_URL`, 'string', apiUrl, 'OAuth'),
];

/** Settings of the accounts area (Rocket.Chat ids, types and defaults). */
export const ACCOUNTS_SETTINGS: DefaultSetting[] = [
  // Accounts > Login Attempts (7.x: on by default)
  setting('Block_Multiple_Failed_Logins_Enabled', 'boolean', true, 'Accounts'),
  setting('Block_Multiple_Failed_Logins_By_User', 'boolean', true, 'Accounts'),
  setting('Block_Multiple_Failed_Logins_Attempts_Until_Block_by_User', 'int', 10, 'Accounts'),
  setting('Block_Multiple_Failed_Logins_Time_To_Unblock_By_User_In_Minutes', 'int', 5, 'Accounts'),
  setting('Block_Multiple_Failed_Logins_By_Ip', 'boolean', true, 'Accounts'),
  setting('Block_Multiple_Failed_Logins_Attempts_Until_Block_By_Ip', 'int', 50, 'Accounts'),
  setting('Block_Multiple_Failed_Logins_Time_To_Unblock_By_Ip_In_Minutes', 'int', 5, 'Accounts'),
  setting('Block_Multiple_Failed_Logins_Ip_Whitelist', 'string', '', 'Accounts'),
  // Accounts > Registration, for users an OAuth login creates
  setting('Accounts_Registration_AuthenticationServices_Enabled', 'boolean', true, 'Accounts'),
  setting('Accounts_Registration_AuthenticationServices_Default_Roles', 'string', 'user', 'Accounts'),
  setting('Accounts_Verify_Email_For_External_Accounts', 'boolean', true, 'Accounts'),
  // OAuth
  ...oauthService('Google', 'https://www.googleapis.com'),
  ...oauthService('Facebook', 'https://graph.facebook.com'),
  ...oauthService('Twitter', 'https://api.twitter.com'),
];
