import { bool, code, group, int, multiSelect, PUBLIC, section, select, str } from './setting-types';

/** System message types a room can hide (Rocket.Chat's MessageTypesValues). */
const SYSTEM_MESSAGE_TYPES = [
  ['uj', 'Message_HideType_uj'],
  ['ujt', 'Message_HideType_ujt'],
  ['ul', 'Message_HideType_ul'],
  ['ult', 'Message_HideType_ult'],
  ['ru', 'Message_HideType_ru'],
  ['au', 'Message_HideType_au'],
  ['mute_unmute', 'Message_HideType_mute_unmute'],
  ['r', 'Message_HideType_r'],
  ['ut', 'Message_HideType_ut'],
  ['wm', 'Message_HideType_wm'],
  ['rm', 'Message_HideType_rm'],
  ['subscription-role-added', 'Message_HideType_subscription_role_added'],
  ['subscription-role-removed', 'Message_HideType_subscription_role_removed'],
  ['room_archived', 'Message_HideType_room_archived'],
  ['room_unarchived', 'Message_HideType_room_unarchived'],
  ['room_changed_privacy', 'Message_HideType_room_changed_privacy'],
  ['room_changed_avatar', 'Message_HideType_room_changed_avatar'],
  ['room_changed_topic', 'Message_HideType_room_changed_topic'],
  ['room_e2e_enabled', 'Message_HideType_room_enabled_encryption'],
  ['room_e2e_disabled', 'Message_HideType_room_disabled_encryption'],
  ['added-user-to-team', 'Message_HideType_added_user_to_team'],
  ['removed-user-from-team', 'Message_HideType_removed_user_from_team'],
  ['user-converted-to-team', 'Message_HideType_user_converted_to_team'],
  ['user-converted-to-channel', 'Message_HideType_user_converted_to_channel'],
  ['user-removed-room-from-team', 'Message_HideType_user_removed_room_from_team'],
  ['user-deleted-room-from-team', 'Message_HideType_user_deleted_room_from_team'],
  ['user-added-room-to-team', 'Message_HideType_user_added_room_to_team'],
] as const;

/** Message: what users may do with messages, their size, formats, embeds, auto-translation; threads, discussions. */
export const MESSAGE_SETTINGS = group('Message', [
  section('Message_Attachments', [
    bool('Message_Attachments_Thumbnails_Enabled', true, PUBLIC),
    int('Message_Attachments_Thumbnails_Width', 480, PUBLIC),
    int('Message_Attachments_Thumbnails_Height', 360, PUBLIC),
    bool('Message_Attachments_Strip_Exif', true, PUBLIC),
  ]),
  section('Message_Audio', [
    bool('Message_AudioRecorderEnabled', true, PUBLIC),
    int('Message_Audio_bitRate', 32, PUBLIC),
  ]),
  section('Read_Receipts', [
    // an Enterprise feature in Rocket.Chat; served here (chat.getMessageReadReceipts), so not marked Enterprise
    bool('Message_Read_Receipt_Enabled', false, PUBLIC),
    bool('Message_Read_Receipt_Store_Users', false, PUBLIC),
  ]),
  str('Message_CustomDomain_AutoLink', '', PUBLIC),
  bool('Message_AllowEditing', true, PUBLIC),
  int('Message_AllowEditing_BlockEditInMinutes', 0, PUBLIC),
  bool('Message_AllowDeleting', true, PUBLIC),
  int('Message_AllowDeleting_BlockDeleteInMinutes', 0, PUBLIC),
  bool('Message_AllowUnrecognizedSlashCommand', false, PUBLIC),
  bool('Message_AllowDirectMessagesToYourself', true, PUBLIC),
  bool('Message_AlwaysSearchRegExp', false),
  bool('Message_ShowDeletedStatus', false, PUBLIC),
  bool('Message_AllowBadWordsFilter', false, PUBLIC),
  str('Message_BadWordsFilterList', '', PUBLIC),
  str('Message_BadWordsWhitelist', '', PUBLIC),
  bool('Message_KeepHistory', false, PUBLIC),
  int('Message_MaxAll', 0, PUBLIC),
  int('Message_MaxAllowedSize', 5000, PUBLIC),
  bool('Message_AllowConvertLongMessagesToAttachment', true, PUBLIC),
  int('Message_GroupingPeriod', 300, PUBLIC),
  bool('API_Embed', true, PUBLIC),
  str(
    'API_Embed_UserAgent',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/41.0.2227.0 Safari/537.36',
    PUBLIC,
  ),
  int('API_EmbedCacheExpirationDays', 30),
  str('API_EmbedIgnoredHosts', 'localhost, 127.0.0.1, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16'),
  str('API_EmbedSafePorts', '80, 443'),
  int('API_EmbedTimeout', 10),
  str('Message_TimeFormat', 'LT', PUBLIC),
  str('Message_DateFormat', 'LL', PUBLIC),
  str('Message_TimeAndDateFormat', 'LLL', PUBLIC),
  int('Message_QuoteChainLimit', 2, PUBLIC),
  multiSelect('Hide_System_Messages', [], SYSTEM_MESSAGE_TYPES, PUBLIC),
  int('DirectMesssage_maxUsers', 8, PUBLIC),
  select(
    'Message_ErasureType',
    'Delete',
    [
      ['Keep', 'Message_ErasureType_Keep'],
      ['Delete', 'Message_ErasureType_Delete'],
      ['Unlink', 'Message_ErasureType_Unlink'],
    ],
    PUBLIC,
  ),
  str(
    'Message_Code_highlight',
    'javascript,css,markdown,dockerfile,json,go,rust,clean,bash,plaintext,powershell,scss,shell,yaml,vim',
    PUBLIC,
  ),
  bool('Message_VideoRecorderEnabled', true, PUBLIC),
  section('AutoTranslate', [
    bool('AutoTranslate_Enabled', false, PUBLIC),
    bool('AutoTranslate_AutoEnableOnJoinRoom', false, PUBLIC),
    select(
      'AutoTranslate_ServiceProvider',
      'google-translate',
      [
        ['google-translate', 'AutoTranslate_Google'],
        ['deepl-translate', 'AutoTranslate_DeepL'],
        ['microsoft-translate', 'AutoTranslate_Microsoft'],
      ],
      PUBLIC,
    ),
  ]),
  str('AutoTranslate_GoogleAPIKey', '', { section: 'AutoTranslate_Google', i18nLabel: 'AutoTranslate_APIKey' }),
  str('AutoTranslate_DeepLAPIKey', '', { section: 'AutoTranslate_DeepL', i18nLabel: 'AutoTranslate_APIKey' }),
  str('AutoTranslate_MicrosoftAPIKey', '', {
    section: 'AutoTranslate_Microsoft',
    i18nLabel: 'AutoTranslate_Microsoft_API_Key',
  }),
  bool('HexColorPreview_Enabled', true, { public: true, section: 'Hex_Color_Preview', i18nLabel: 'Enabled' }),
  section('Katex', [
    bool('Katex_Enabled', true, PUBLIC),
    bool('Katex_Parenthesis_Syntax', true, PUBLIC),
    bool('Katex_Dollar_Syntax', false, PUBLIC),
  ]),
  section('Google Maps', [
    bool('MapView_Enabled', false, PUBLIC),
    str('MapView_GMapsAPIKey', '', { public: true, secret: true }),
  ]),
  bool('Message_AllowPinning', true, PUBLIC),
  bool('Message_AllowStarring', true, PUBLIC),
  // Rocket.Chat 5.x (chat.getSnippetedMessages); gone in 7.x
  bool('Message_AllowSnippeting', false, PUBLIC),
  bool('Message_CustomFields_Enabled', false),
  code('Message_CustomFields', '', 'application/json'),
]);

export const THREADS_SETTINGS = group('Threads', [
  bool('Threads_enabled', true, { public: true, i18nLabel: 'Enable' }),
]);

export const DISCUSSION_SETTINGS = group('Discussion', [
  bool('Discussion_enabled', true, { public: true, i18nLabel: 'Enable' }),
]);
