import { bool, group, lookup, PUBLIC, roomPick, section, str } from './setting-types';

/** Webdav accounts, video conferences, the Slack bridge, federation: outside services the server talks to. */
export const INTEGRATIONS_SETTINGS = [
  ...group('Webdav Integration', [bool('Webdav_Integration_Enabled', false, PUBLIC)]),
  ...group('Video_Conference', [
    lookup('VideoConf_Default_Provider', '', PUBLIC),
    bool('Jitsi_Enabled', false, PUBLIC),
  ]),
  ...group('SlackBridge', [
    bool('SlackBridge_Enabled', false, { public: true, i18nLabel: 'Enabled' }),
    str('SlackBridge_APIToken', '', { secret: true, multiline: true, i18nLabel: 'SlackBridge_APIToken' }),
    section('SlackBridge_Out', [
      bool('SlackBridge_Out_Enabled', false),
      bool('SlackBridge_Out_All', false),
      roomPick('SlackBridge_Out_Channels'),
    ]),
  ]),
  ...group('Federation', [bool('Federation_Matrix_enabled', false, PUBLIC)]),
  ...group('LDAP', [bool('LDAP_Enable', false, PUBLIC)]),
  ...group('CAS', [bool('CAS_enabled', false, PUBLIC)]),
];
