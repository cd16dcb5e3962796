import { bool, code, group, int, language, PUBLIC, section, select, str, timezone } from './setting-types';

/** General: the site, the REST API (paging, shields), names, unread counters, notifications, iframes. */
export const GENERAL_SETTINGS = group('General', [
  section('REST API', [
    int('API_Upper_Count_Limit', 100, PUBLIC),
    int('API_Default_Count', 50),
    bool('API_Allow_Infinite_Count', true),
    bool('API_Enable_Direct_Message_History_EndPoint', false),
    bool('API_Enable_Shields', true),
    str('API_Shield_Types', '*'),
    bool('API_Shield_user_require_auth', false),
    bool('API_Enable_CORS', false),
    str('API_CORS_Origin', '*'),
    bool('API_Apply_permission_view-outside-room_on_users-list', false, PUBLIC),
    int('API_User_Limit', 500, PUBLIC),
  ]),
  select(
    'Show_Setup_Wizard',
    'completed',
    [
      ['pending', 'Pending'],
      ['in_progress', 'In_progress'],
      ['completed', 'Completed'],
    ],
    { public: true, readonly: true },
  ),
  str('Site_Url', 'http://localhost:3000', { public: true, i18nDescription: 'Site_Url_Description' }),
  str('Site_Name', 'Rocket.Chat', PUBLIC),
  str('Document_Domain', '', PUBLIC),
  language('Language', '', PUBLIC),
  bool('Allow_Invalid_SelfSigned_Certs', false, { secret: true }),
  bool('Enable_CSP', true),
  str('Extra_CSP_Domains', '', { multiline: true }),
  bool('Iframe_Restrict_Access', true, { secret: true }),
  str('Iframe_X_Frame_Options', 'sameorigin', { secret: true }),
  bool('Favorite_Rooms', true, PUBLIC),
  str('First_Channel_After_Login', '', PUBLIC),
  select(
    'Unread_Count',
    'user_and_group_mentions_only',
    [
      ['all_messages', 'All_messages'],
      ['user_mentions_only', 'User_mentions_only'],
      ['group_mentions_only', 'Group_mentions_only'],
      ['user_and_group_mentions_only', 'User_and_group_mentions_only'],
    ],
    PUBLIC,
  ),
  select(
    'Unread_Count_DM',
    'all_messages',
    [
      ['all_messages', 'All_messages'],
      ['mentions_only', 'Mentions_only'],
    ],
    PUBLIC,
  ),
  select(
    'Unread_Count_Omni',
    'all_messages',
    [
      ['all_messages', 'All_messages'],
      ['mentions_only', 'Mentions_only'],
    ],
    PUBLIC,
  ),
  str('DeepLink_Url', 'https://go.rocket.chat', PUBLIC),
  str('CDN_PREFIX', '', PUBLIC),
  bool('CDN_PREFIX_ALL', true, PUBLIC),
  str('CDN_JSCSS_PREFIX', '', PUBLIC),
  bool('Force_SSL', false, PUBLIC),
  str('GoogleTagManager_id', '', { public: true, secret: true }),
  str('Bugsnag_api_key', '', { secret: true }),
  bool('Store_Last_Message', true, { public: true, i18nDescription: 'Store_Last_Message_Sent_per_Room' }),
  str('Robot_Instructions_File_Content', 'User-agent: *\nDisallow: /', { public: true, multiline: true }),
  select(
    'Default_Referrer_Policy',
    'same-origin',
    [
      ['no-referrer', 'No_Referrer'],
      ['no-referrer-when-downgrade', 'No_Referrer_When_Downgrade'],
      ['origin', 'Origin'],
      ['origin-when-cross-origin', 'Origin_When_Cross_Origin'],
      ['same-origin', 'Same_Origin'],
      ['strict-origin', 'Strict_Origin'],
      ['strict-origin-when-cross-origin', 'Strict_Origin_When_Cross_Origin'],
      ['unsafe-url', 'Unsafe_Url'],
    ],
    PUBLIC,
  ),
  section('UTF8', [
    str('UTF8_User_Names_Validation', '[0-9a-zA-Z-_.]+', PUBLIC),
    str('UTF8_Channel_Names_Validation', '[0-9a-zA-Z-_.]+', PUBLIC),
    bool('UTF8_Names_Slugify', true, PUBLIC),
  ]),
  section('Reporting', [bool('Statistics_reporting', true, { hidden: true })]),
  section('Notifications', [int('Notifications_Max_Room_Members', 100, PUBLIC)]),
  section('Iframe_Integration', [
    bool('Iframe_Integration_send_enable', false, PUBLIC),
    str('Iframe_Integration_send_target_origin', '*', PUBLIC),
    bool('Iframe_Integration_receive_enable', false, PUBLIC),
    str('Iframe_Integration_receive_origin', '*', PUBLIC),
  ]),
  section('Translations', [code('Custom_Translations', '', 'application/json', PUBLIC)]),
  section('Stream_Cast', [str('Stream_Cast_Address', '')]),
  section('NPS', [bool('NPS_survey_enabled', true)]),
  section('Timezone', [
    select('Default_Timezone_For_Reporting', 'server', [
      ['server', 'Default_Server_Timezone'],
      ['custom', 'Default_Custom_Timezone'],
      ['user', 'Default_User_Timezone'],
    ]),
    timezone('Default_Custom_Timezone', ''),
  ]),
  section('Update', [
    str('Update_LatestAvailableVersion', '0.0.0', { readonly: true }),
    bool('Update_EnableChecker', true),
  ]),
]);

/** Settings outside any group in Rocket.Chat (the server's identity, first-start markers). */
export const SERVER_SETTINGS = group('', [
  str('uniqueID', '', { public: true, readonly: true, random: true }),
  bool('Initial_Channel_Created', false, { hidden: true }),
]);
