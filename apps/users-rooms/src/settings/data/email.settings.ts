import { action, bool, code, group, int, password, PUBLIC, section, select, str } from './setting-types';

/**
 * Email: SMTP (Rocket.Chat builds its MAIL_URL from these when SMTP_Host is set) and the message templates
 * (`{key}` is translated, `[key]` is a placeholder).
 */
export const EMAIL_SETTINGS = group('Email', [
  section('Style', [bool('email_plain_text_only', false)]),
  section('Subject', [
    code('Offline_DM_Email', '[[Site_Name]] You have been direct messaged by [User]', 'text'),
    code('Offline_Mention_Email', '[[Site_Name]] You have been mentioned by [User] in #[Room]', 'text'),
    code('Offline_Mention_All_Email', '[User] has posted a message in #[Room]', 'text'),
  ]),
  section('Header_and_Footer', [
    code('Email_Footer_Direct_Reply', '<p class="advice">{Direct_Reply_Advice}</p>', 'text/html', {
      i18nLabel: 'Footer_Direct_Reply',
    }),
  ]),
  section('Direct_Reply', [
    bool('Direct_Reply_Enable', false),
    bool('Direct_Reply_Debug', false),
    select('Direct_Reply_Protocol', 'IMAP', ['IMAP', 'POP'], { i18nLabel: 'Protocol' }),
    str('Direct_Reply_Host', '', { i18nLabel: 'Host' }),
    str('Direct_Reply_Port', '', { i18nLabel: 'Port' }),
    bool('Direct_Reply_IgnoreTLS', false, { i18nLabel: 'IgnoreTLS' }),
    int('Direct_Reply_Frequency', 5),
    bool('Direct_Reply_Delete', true),
    select('Direct_Reply_Separator', '+', [
      '!',
      '#',
      '$',
      '%',
      '&',
      "'",
      '*',
      '+',
      '-',
      '/',
      '=',
      '?',
      '^',
      '_',
      '`',
      '{',
      '|',
      '}',
      '~',
    ]),
    str('Direct_Reply_Username', '', { i18nLabel: 'Username', secret: true }),
    str('Direct_Reply_ReplyTo', '', { i18nLabel: 'ReplyTo' }),
    password('Direct_Reply_Password', { i18nLabel: 'Password' }),
  ]),
  section('SMTP', [
    select('SMTP_Protocol', 'smtp', ['smtp', 'smtps'], { i18nLabel: 'Protocol' }),
    str('SMTP_Host', '', { i18nLabel: 'Host' }),
    str('SMTP_Port', '', { i18nLabel: 'Port' }),
    bool('SMTP_IgnoreTLS', true, { i18nLabel: 'IgnoreTLS' }),
    bool('SMTP_Pool', true, { i18nLabel: 'Pool' }),
    str('SMTP_Username', '', { i18nLabel: 'Username', secret: true }),
    password('SMTP_Password', { i18nLabel: 'Password' }),
    str('From_Email', ''),
    // POST settings/SMTP_Test_Button {execute: true} mails the caller a test message
    action('SMTP_Test_Button', 'sendSMTPTestEmail', 'Send_a_test_mail_to_my_user'),
  ]),
  section('Registration', [
    str('Accounts_Enrollment_Email_Subject', '{Welcome_to Site_Name}', { i18nLabel: 'Subject' }),
    code(
      'Accounts_Enrollment_Email',
      '<h2>{Welcome_to Site_Name}</h2><p>{Visit_Site_Url_and_try_the_best_open_source_chat_solution_available_today}</p><a class="btn" target="_blank" href="[Site_URL]">{Login}</a>',
      'text/html',
      { i18nLabel: 'Body' },
    ),
  ]),
  section('Registration_via_Admin', [
    str('Accounts_UserAddedEmail_Subject', '{Welcome_to Site_Name}', { i18nLabel: 'Subject' }),
    code(
      'Accounts_UserAddedEmail_Email',
      '<h2>{Welcome_to Site_Name}</h2><p>{Visit_Site_Url_and_try_the_best_open_source_chat_solution_available_today}</p><a class="btn" target="_blank" href="[Site_URL]">{Login}</a>',
      'text/html',
      { i18nLabel: 'Body' },
    ),
  ]),
  section('Verification', [
    str('Verification_Email_Subject', '{Verification_Email_Subject}', { i18nLabel: 'Subject' }),
    code(
      'Verification_Email',
      '<h2>{Hi_username}</h2><p>{Verification_email_body}</p><a class="btn" target="_blank" href="[Verification_Url]">{Verify_your_email}</a>',
      'text/html',
      { i18nLabel: 'Body' },
    ),
  ]),
  section('Offline_Message', [bool('Offline_Message_Use_DeepLink', true)]),
  section('Invitation', [
    str('Invitation_Subject', '{Invitation_Subject_Default}', { i18nLabel: 'Subject' }),
    code(
      'Invitation_Email',
      '<h2>{Welcome_to Site_Name}</h2><p>{Visit_Site_Url_and_try_the_best_open_source_chat_solution_available_today}</p><a class="btn" href="[Site_URL]">{Join_Chat}</a>',
      'text/html',
      { i18nLabel: 'Body' },
    ),
  ]),
  int('Invitation_Email_Count', 0, { hidden: true }),
  section('Forgot_password_section', [
    str('Forgot_Password_Email_Subject', '{Forgot_Password_Email_Subject}', { i18nLabel: 'Subject' }),
    code(
      'Forgot_Password_Email',
      '<h2>{Forgot_password}</h2><p>{Lets_get_you_new_one}</p><a class="btn" href="[Forgot_Password_Url]">{Reset}</a><p class="advice">{If_you_didnt_ask_for_reset_ignore_this_email}</p>',
      'text/html',
      { i18nLabel: 'Body' },
    ),
  ]),
  section('Email_changed_section', [
    str('Email_Changed_Email_Subject', '{Email_Changed_Email_Subject}', { i18nLabel: 'Subject' }),
    code(
      'Email_Changed_Email',
      '<h2>{Hi},</h2><p>{Your_email_address_has_changed}</p><p>{Your_new_email_is_email}</p><a class="btn" target="_blank" href="[Site_URL]">{Login}</a>',
      'text/html',
      { i18nLabel: 'Body' },
    ),
  ]),
  section('Password_changed_section', [
    str('Password_Changed_Email_Subject', '{Password_Changed_Email_Subject}', { i18nLabel: 'Subject' }),
    code(
      'Password_Changed_Email',
      '<h2>{Hi},</h2><p>{Your_password_was_changed_by_an_admin}</p><p>{Your_temporary_password_is_password}</p><a class="btn" target="_blank" href="[Site_URL]">{Login}</a>',
      'text/html',
      { i18nLabel: 'Body' },
    ),
  ]),
  section('Privacy', [bool('Email_notification_show_message', true, PUBLIC), bool('Add_Sender_To_ReplyTo', false)]),
]);
