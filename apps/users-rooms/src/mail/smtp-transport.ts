import type SMTPTransport from 'nodemailer/lib/smtp-transport';

/** The SMTP settings Rocket.Chat builds its MAIL_URL from. */
export interface SmtpSettings {
  SMTP_Protocol?: string;
  SMTP_Host?: string;
  SMTP_Port?: string | number;
  SMTP_IgnoreTLS?: boolean;
  SMTP_Username?: string;
  SMTP_Password?: string;
}

/** Bounded waits, so a dead server fails the job (which is then retried) instead of hanging it. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * Where mail goes, as Rocket.Chat decides it: the SMTP settings when `SMTP_Host` is set (its
 * `smtp[s]://user:pass@host:port?secure=false&ignoreTLS=true` URL), else the `MAIL_URL` environment
 * variable, else nowhere (`null`: the mail is printed to the log, as Meteor does).
 */
export function smtpTransportOptions(s: SmtpSettings, mailUrl?: string): SMTPTransport.Options | null {
  const host = String(s.SMTP_Host ?? '').trim();
  if (host) {
    const secure = s.SMTP_Protocol === 'smtps';
    const port = parseInt(String(s.SMTP_Port ?? ''), 10);
    return {
      host,
      port: Number.isFinite(port) && port > 0 ? port : secure ? 465 : 25,
      secure,
      ...(!secure && s.SMTP_IgnoreTLS ? { ignoreTLS: true } : {}),
      ...(s.SMTP_Username && s.SMTP_Password ? { auth: { user: s.SMTP_Username, pass: s.SMTP_Password } } : {}),
      ...TIMEOUTS,
    };
  }
  const url = (mailUrl ?? '').trim();
  if (url) {
    return { url, ...TIMEOUTS };
  }
  return null;
}
