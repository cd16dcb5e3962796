import { bool, group, int, PUBLIC, section, str } from './setting-types';

/** Troubleshoot switches (and whether presence is broadcast, which clients read), mobile apps, setup wizard. */
export const TROUBLESHOOT_SETTINGS = [
  ...group('Troubleshoot', [
    bool('Troubleshoot_Disable_Notifications', false),
    bool('Presence_broadcast_disabled', false, { public: true, readonly: true }),
    bool('Troubleshoot_Disable_Presence_Broadcast', false),
    bool('Troubleshoot_Disable_Instance_Broadcast', false),
    bool('Troubleshoot_Disable_Sessions_Monitor', false),
    bool('Troubleshoot_Disable_Livechat_Activity_Monitor', false),
    bool('Troubleshoot_Disable_Data_Exporter_Processor', false),
    bool('Troubleshoot_Disable_Teams_Mention', false),
  ]),
  ...group('Mobile', [
    bool('Allow_Save_Media_to_Gallery', true, PUBLIC),
    section('Screen_Lock', [bool('Force_Screen_Lock', false, PUBLIC), int('Force_Screen_Lock_After', 1800, PUBLIC)]),
  ]),
  ...group('Setup_Wizard', [
    section('Organization_Info', [
      str('Organization_Type', ''),
      str('Organization_Name', ''),
      str('Industry', ''),
      str('Size', ''),
      str('Country', ''),
      str('Website', ''),
      str('Server_Type', ''),
      bool('Allow_Marketing_Emails', true),
    ]),
    section('Cloud_Info', [bool('Register_Server', false), bool('Cloud_Service_Agree_PrivacyTerms', false)]),
  ]),
];
