import { htmlToText, renderMailTemplate } from './mail-templates';
import { smtpTransportOptions } from './smtp-transport';

describe(renderMailTemplate.name, () => {
  it('translates {keys} and fills [placeholders], also inside translations', () => {
    expect(renderMailTemplate('{Forgot_Password_Email_Subject}', { Site_Name: 'Acme' })).toBe(
      'Acme - Password Recovery',
    );
    expect(
      renderMailTemplate('<a href="[Forgot_Password_Url]">{Reset}</a>', { Forgot_Password_Url: 'http://x/r/abc' }),
    ).toBe('<a href="http://x/r/abc">Reset</a>');
    expect(renderMailTemplate('<h2>{Hi_username}</h2>', { name: 'Jane' })).toBe('<h2>Hi Jane</h2>');
  });

  it('escapes values in HTML and leaves unknown keys alone', () => {
    expect(renderMailTemplate('[name] {Nope} [other]', { name: '<b>&' }, { html: true })).toBe(
      '&lt;b&gt;&amp; {Nope} [other]',
    );
  });
});

describe(htmlToText.name, () => {
  it('keeps link targets and drops markup', () => {
    expect(
      htmlToText('<h2>Forgot</h2><p>New one</p><a class="btn" href="http://h/reset-password/t?a=1&amp;b=2">Reset</a>'),
    ).toBe('Forgot\nNew one\nReset: http://h/reset-password/t?a=1&b=2');
  });
});

describe(smtpTransportOptions.name, () => {
  it('uses the SMTP settings when SMTP_Host is set', () => {
    expect(
      smtpTransportOptions({ SMTP_Protocol: 'smtp', SMTP_Host: '127.0.0.1', SMTP_Port: '2525', SMTP_IgnoreTLS: true }),
    ).toMatchObject({ host: '127.0.0.1', port: 2525, secure: false, ignoreTLS: true });
    expect(
      smtpTransportOptions({
        SMTP_Protocol: 'smtps',
        SMTP_Host: 'mail',
        SMTP_Port: '',
        SMTP_IgnoreTLS: true,
        SMTP_Username: 'u',
        SMTP_Password: 'p',
      }),
    ).toMatchObject({ host: 'mail', port: 465, secure: true, auth: { user: 'u', pass: 'p' } });
  });

  it('sends no credentials unless both are set, and falls back to MAIL_URL, then to nothing', () => {
    expect(smtpTransportOptions({ SMTP_Host: 'mail', SMTP_Username: 'u' })).not.toHaveProperty('auth');
    expect(smtpTransportOptions({ SMTP_Host: '' }, 'smtp://mx:25')).toMatchObject({ url: 'smtp://mx:25' });
    expect(smtpTransportOptions({ SMTP_Host: ' ' }, '')).toBeNull();
  });
});
