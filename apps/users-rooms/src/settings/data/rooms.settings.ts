import { bool, group, int, PUBLIC, section, select, str } from './setting-types';

/** Room-wide features: end-to-end encryption, off-the-record chats, retention policies, push notifications. */
export const ROOMS_SETTINGS = [
  ...group('End-to-end_encryption', [
    bool('E2E_Enable', false, { public: true, i18nLabel: 'End-to-end_encryption' }),
    bool('E2E_Allow_Unencrypted_Messages', false, PUBLIC),
    bool('E2E_Enabled_Default_DirectRooms', false, PUBLIC),
    bool('E2E_Enabled_Default_PrivateRooms', false, PUBLIC),
    bool('E2E_Enable_Encrypt_Files', true, PUBLIC),
    bool('E2E_Enabled_Mentions', true, PUBLIC),
  ]),
  ...group('OTR', [bool('OTR_Enable', true, { public: true, i18nLabel: 'Enabled' })]),
  ...group('RetentionPolicy', [
    bool('RetentionPolicy_Enabled', false, PUBLIC),
    select(
      'RetentionPolicy_Precision',
      '0',
      [
        ['0', 'every_30_minutes'],
        ['1', 'every_hour'],
        ['2', 'every_six_hours'],
        ['3', 'every_day'],
      ],
      PUBLIC,
    ),
    bool('RetentionPolicy_Advanced_Precision', false, PUBLIC),
    str('RetentionPolicy_Advanced_Precision_Cron', '*/30 * * * *', PUBLIC),
    section('Global Policy', [
      bool('RetentionPolicy_AppliesToChannels', false, PUBLIC),
      int('RetentionPolicy_MaxAge_Channels', 30, PUBLIC),
      bool('RetentionPolicy_AppliesToGroups', false, PUBLIC),
      int('RetentionPolicy_MaxAge_Groups', 30, PUBLIC),
      bool('RetentionPolicy_AppliesToDMs', false, PUBLIC),
      int('RetentionPolicy_MaxAge_DMs', 30, PUBLIC),
      bool('RetentionPolicy_DoNotPrunePinned', false, PUBLIC),
      bool('RetentionPolicy_FilesOnly', false, PUBLIC),
      bool('RetentionPolicy_DoNotPruneDiscussion', true, PUBLIC),
      bool('RetentionPolicy_DoNotPruneThreads', true, PUBLIC),
    ]),
  ]),
  ...group('Push', [
    bool('Push_enable', true, PUBLIC),
    bool('Push_UseLegacy', false, PUBLIC),
    bool('Push_enable_gateway', true),
    str('Push_gateway', 'https://gateway.rocket.chat', { multiline: true }),
    bool('Push_production', true, PUBLIC),
    section('Certificates_and_Keys', [
      str('Push_apn_passphrase', '', { secret: true }),
      str('Push_apn_key', '', { secret: true, multiline: true }),
      str('Push_apn_cert', '', { secret: true, multiline: true }),
      str('Push_apn_dev_passphrase', '', { secret: true }),
      str('Push_apn_dev_key', '', { secret: true, multiline: true }),
      str('Push_apn_dev_cert', '', { secret: true, multiline: true }),
      str('Push_gcm_api_key', '', { secret: true }),
      str('Push_google_api_credentials', '', { secret: true, multiline: true }),
      str('Push_gcm_project_number', '', { public: true, secret: true }),
    ]),
    section('Privacy', [
      bool('Push_show_username_room', true, PUBLIC),
      bool('Push_show_message', true, PUBLIC),
      bool('Push_request_content_from_server', false, {
        enterprise: { invalidValue: false, modules: ['push-privacy'] },
      }),
    ]),
  ]),
];
