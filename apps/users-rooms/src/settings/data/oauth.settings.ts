import { bool, group, relativeUrl, section, str, type SettingEntry } from './setting-types';

/**
 * A built-in OAuth service: on/off (public, login screens read it), client id and secret, the read-only
 * callback path. `_API_URL` is not a Rocket.Chat setting: the provider's base URL, so tests and proxies can
 * point a token login at another host.
 */
const service = (name: string, key: string, apiUrl: string, callback: string): SettingEntry[] =>
  section(name, [
    bool(`Accounts_OAuth_${key}`, false, { public: true }),
    str(`Accounts_OAuth_${key}_id`, ''),
    str(`Accounts_OAuth_${key}_secret`, '', { secret: true }),
    relativeUrl(`Accounts_OAuth_${key}_callback_url`, `_oauth/${callback}`),
    ...(apiUrl ? [str(`Accounts_OAuth_${key}_API_URL`, apiUrl)] : []),
  ]);

/** OAuth: the login services settings.oauth and service.configurations describe. */
export const OAUTH_SETTINGS = group('OAuth', [
  service('Facebook', 'Facebook', 'https://graph.facebook.com', 'facebook'),
  service('Google', 'Google', 'https://www.googleapis.com', 'google'),
  service('GitHub', 'Github', '', 'github'),
  service('Linkedin', 'Linkedin', '', 'linkedin'),
  service('Meteor', 'Meteor', '', 'meteor-developer'),
  service('Twitter', 'Twitter', 'https://api.twitter.com', 'twitter'),
  section('GitLab', [
    bool('Accounts_OAuth_Gitlab', false, { public: true }),
    str('API_Gitlab_URL', '', { public: true, secret: true }),
    str('Accounts_OAuth_Gitlab_id', ''),
    str('Accounts_OAuth_Gitlab_secret', '', { secret: true }),
    str('Accounts_OAuth_Gitlab_identity_path', '/api/v4/user', { public: true }),
    bool('Accounts_OAuth_Gitlab_merge_users', false, { public: true }),
    relativeUrl('Accounts_OAuth_Gitlab_callback_url', '_oauth/gitlab'),
  ]),
  section('Apple', [
    bool('Accounts_OAuth_Apple', false, { public: true }),
    str('Accounts_OAuth_Apple_id', '', { public: true }),
    str('Accounts_OAuth_Apple_secretKey', '', { multiline: true }),
    str('Accounts_OAuth_Apple_iss', ''),
    str('Accounts_OAuth_Apple_kid', ''),
  ]),
  section('Proxy', [
    str('Accounts_OAuth_Proxy_host', 'https://oauth-proxy.rocket.chat'),
    str('Accounts_OAuth_Proxy_services', ''),
  ]),
]);
