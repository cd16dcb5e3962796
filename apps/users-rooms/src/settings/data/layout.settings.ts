import { asset, bool, code, group, int, PUBLIC, section, select, str } from './setting-types';

const community = <T extends boolean | string>(invalidValue: T) => ({ public: true, enterprise: { invalidValue } });

/** Layout (what the web and mobile clients show) and the assets (logos, icons) assets.setAsset replaces. */
export const LAYOUT_SETTINGS = group('Layout', [
  section('Login', [
    bool('Layout_Login_Hide_Logo', false, community(false)),
    bool('Layout_Login_Hide_Title', false, community(false)),
    bool('Layout_Login_Hide_Powered_By', false, community(false)),
    select(
      'Layout_Login_Template',
      'horizontal-template',
      [
        ['vertical-template', 'Layout_Login_Template_Vertical'],
        ['horizontal-template', 'Layout_Login_Template_Horizontal'],
      ],
      community('horizontal-template'),
    ),
    bool('Accounts_ShowFormLogin', true, PUBLIC),
  ]),
  section('Layout_Home_Page_Content_Title', [
    str('Layout_Home_Title', 'Home', PUBLIC),
    bool('Layout_Show_Home_Button', true, PUBLIC),
    code('Layout_Home_Body', '', 'text/html', PUBLIC),
    bool('Layout_Home_Custom_Block_Visible', false, PUBLIC),
    bool('Layout_Custom_Body_Only', false, community(false)),
    code(
      'Layout_Terms_of_Service',
      'Terms of Service <br> Go to APP SETTINGS &rarr; Layout to customize this page.',
      'text/html',
      PUBLIC,
    ),
    code('Layout_Login_Terms', '', 'text/html', PUBLIC),
    code(
      'Layout_Privacy_Policy',
      'Privacy Policy <br> Go to APP SETTINGS &rarr; Layout to customize this page.',
      'text/html',
      PUBLIC,
    ),
    code(
      'Layout_Legal_Notice',
      'Legal Notice <br> Go to APP SETTINGS -> Layout to customize this page.',
      'text/html',
      PUBLIC,
    ),
    code(
      'Layout_Sidenav_Footer_Dark',
      '<a href="/home"><img src="assets/logo_dark.png" alt="Home" /></a>',
      'text/html',
      { public: true, multiline: false },
    ),
    code('Layout_Sidenav_Footer', '<a href="/home"><img src="assets/logo.png" alt="Home" /></a>', 'text/html', {
      public: true,
      multiline: false,
    }),
  ]),
  section('Custom_Scripts', [
    code('Custom_Script_On_Logout', '//Add your script', undefined, PUBLIC),
    code('Custom_Script_Logged_Out', '//Add your script', undefined, PUBLIC),
    code('Custom_Script_Logged_In', '//Add your script', undefined, PUBLIC),
  ]),
  section('User_Interface', [
    bool('UI_DisplayRoles', true, PUBLIC),
    bool('UI_Group_Channels_By_Type', true),
    // initials avatars show the initials of the user's name (up to three) instead of the username's first letter
    bool('UI_Use_Name_Avatar', false, PUBLIC),
    bool('UI_Use_Real_Name', false, PUBLIC),
    bool('UI_Click_Direct_Message', false, PUBLIC),
    int('Number_of_users_autocomplete_suggestions', 5, PUBLIC),
    select(
      'UI_Unread_Counter_Style',
      'Different_Style_For_User_Mentions',
      ['Same_Style_For_Mentions', 'Different_Style_For_User_Mentions'],
      PUBLIC,
    ),
    bool('UI_Allow_room_names_with_special_chars', false, PUBLIC),
    bool('UI_Show_top_navbar_embedded_layout', false, PUBLIC),
  ]),
  section('Custom CSS', [code('theme-custom-css', '', 'text/css', PUBLIC)]),
]);

export const ASSETS_SETTINGS = group('Assets', [
  bool('Assets_SvgFavicon_Enable', true, { i18nLabel: 'Enable_Svg_Favicon' }),
  asset('Assets_logo', 'images/logo/logo.svg'),
  asset('Assets_logo_dark', 'images/logo/logo_dark.svg'),
  asset('Assets_background', ''),
  asset('Assets_background_dark', ''),
  asset('Assets_favicon_ico', 'favicon.ico'),
  asset('Assets_favicon', 'images/logo/favicon.svg'),
  asset('Assets_favicon_16', 'images/logo/favicon-16x16.png'),
  asset('Assets_favicon_32', 'images/logo/favicon-32x32.png'),
  asset('Assets_favicon_192', 'images/logo/android-chrome-192x192.png'),
  asset('Assets_favicon_512', 'images/logo/android-chrome-512x512.png'),
  asset('Assets_touchicon_180', 'images/logo/apple-touch-icon.png'),
  asset('Assets_touchicon_180_pre', 'images/logo/apple-touch-icon-precomposed.png'),
  asset('Assets_tile_70', 'images/logo/mstile-70x70.png'),
  asset('Assets_tile_144', 'images/logo/mstile-144x144.png'),
  asset('Assets_tile_150', 'images/logo/mstile-150x150.png'),
  asset('Assets_tile_310_square', 'images/logo/mstile-310x310.png'),
  asset('Assets_tile_310_wide', 'images/logo/mstile-310x150.png'),
  asset('Assets_safari_pinned', 'images/logo/safari-pinned-tab.svg'),
]);
