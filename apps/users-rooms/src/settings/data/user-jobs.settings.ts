import { setting, type DefaultSetting } from './setting-types';

/** Settings of the user-jobs area (Rocket.Chat ids, types and defaults). */
export const USER_JOBS_SETTINGS: DefaultSetting[] = [
  // Accounts > Registration
  setting('Accounts_RegistrationForm_SecretURL', 'string', '', 'Accounts'),
  setting('Accounts_EmailVerification', 'boolean', false, 'Accounts', true),
  setting('Accounts_ManuallyApproveNewUsers', 'boolean', false, 'Accounts'),
  setting('Accounts_AllowPasswordChangeForOAuthUsers', 'boolean', true, 'Accounts'),
  setting('Accounts_BlockedUsernameList', 'string', '', 'Accounts'),
  setting('Accounts_SystemBlockedUsernameList', 'string', 'administrator,system,user', 'Accounts'),
  // Rate Limiter
  setting('Rate_Limiter_Limit_RegisterUser', 'int', 1, 'Rate Limiter'),
  // Email > SMTP (Rocket.Chat builds MAIL_URL from these when SMTP_Host is set)
  setting('SMTP_Protocol', 'string', 'smtp', 'Email'),
  setting('SMTP_Host', 'string', '', 'Email'),
  setting('SMTP_Port', 'string', '', 'Email'),
  setting('SMTP_IgnoreTLS', 'boolean', true, 'Email'),
  setting('SMTP_Pool', 'boolean', true, 'Email'),
  setting('SMTP_Username', 'string', '', 'Email'),
  setting('SMTP_Password', 'string', '', 'Email'),
  setting('From_Email', 'string', '', 'Email'),
  // Email > Forgot password / Verification (`{key}` is translated, `[key]` is a placeholder)
  setting('Forgot_Password_Email_Subject', 'string', '{Forgot_Password_Email_Subject}', 'Email'),
  setting(
    'Forgot_Password_Email',
    'string',
    '<h2>{Forgot_password}</h2><p>{Lets_get_you_new_one}</p><a class="btn" href="[Forgot_Password_Url]">{Reset}</a><p class="advice">{If_you_didnt_ask_for_reset_ignore_this_email}</p>',
    'Email',
  ),
  setting('Verification_Email_Subject', 'string', '{Verification_Email_Subject}', 'Email'),
  setting(
    'Verification_Email',
    'string',
    '<h2>{Hi_username}</h2><p>{Verification_email_body}</p><a class="btn" target="_blank" href="[Verification_Url]">{Verify_your_email}</a>',
    'Email',
  ),
];
