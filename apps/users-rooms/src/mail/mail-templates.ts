/**
 * Rocket.Chat's e-mail templates: a setting's text holds `{Key}` (an i18n key, translated; `{Key Param}` passes
 * a placeholder to it) and `[Placeholder]` (replaced by a value: `[Site_Name]`, `[Forgot_Password_Url]`...).
 * English only.
 */
export const MAIL_I18N: Record<string, string> = {
  Forgot_Password_Email_Subject: '[Site_Name] - Password Recovery',
  Forgot_password: 'Forgot your password',
  Lets_get_you_new_one: "Let's get you a new one!",
  Reset: 'Reset',
  If_you_didnt_ask_for_reset_ignore_this_email: "If you didn't ask for your password reset, you can ignore this email.",
  Verification_Email_Subject: '[Site_Name] - Email address verification',
  Hi_username: 'Hi __name__',
  Verification_email_body: 'Please, click on the button below to confirm your email address.',
  Verify_your_email: 'Verify your email',
  Welcome_to: 'Welcome to __Site_Name__',
  Visit_Site_Url_and_try_the_best_open_source_chat_solution_available_today:
    'Visit __Site_URL__ and try the best open source chat solution available today!',
  Login: 'Login',
  UserDataDownload_EmailSubject: 'Your Data File is Ready to Download',
  UserDataDownload_EmailBody:
    'Your data file is now ready to download. Click <a href="__download_link__">here</a> to download it.',
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Translates `{Key}` and fills `__var__` inside translations and `[var]` in the template from `vars`.
 * With `html`, values are HTML-escaped. Unknown keys and placeholders are left as they are.
 */
export function renderMailTemplate(
  template: string,
  vars: Record<string, string | undefined>,
  options: { html?: boolean } = {},
): string {
  const value = (key: string): string | undefined => {
    const v = vars[key];
    return v === undefined ? undefined : options.html ? escapeHtml(v) : v;
  };
  const translated = template.replace(/\{([^{}]+)\}/g, (whole, expr: string) => {
    const key = expr.trim().split(/\s+/)[0];
    const text = MAIL_I18N[key];
    return text === undefined ? whole : text.replace(/__(\w+)__/g, (_m, v: string) => value(v) ?? '');
  });
  return translated.replace(/\[(\w+)\]/g, (whole, key: string) => value(key) ?? whole);
}

/** A plain-text alternative of a template's HTML: links become `label: url`, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, label: string) => {
      const text = label.replace(/<[^>]+>/g, '').trim();
      return text ? `${text}: ${href}` : href;
    })
    .replace(/<\/(p|h[1-6]|div|li)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(
      /&(amp|lt|gt|quot|#39);/g,
      (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[e]!,
    )
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}
