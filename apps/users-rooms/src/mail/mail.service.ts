import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { createTransport } from 'nodemailer';
import { APP_ENV, UsersRoomsEnv } from '@app/config';
import { MAIL_QUEUE, MailJob, MailMessage } from '@app/contracts';
import { SettingsReader } from '@app/settings';
import { htmlToText, renderMailTemplate } from './mail-templates';
import { smtpTransportOptions } from './smtp-transport';

/** A string setting's value, or `fallback` when it is missing or not a string. */
const asString = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

const SMTP_SETTING_IDS = [
  'SMTP_Protocol',
  'SMTP_Host',
  'SMTP_Port',
  'SMTP_IgnoreTLS',
  'SMTP_Username',
  'SMTP_Password',
] as const;

/**
 * Outgoing e-mail. `enqueue` puts a message on the `mail` Bull queue (Redis): it survives a restart, is retried
 * with back-off, and lands in the queue's failed set when every attempt failed. `deliver` (run by the
 * processor) sends it through Rocket.Chat's SMTP settings or `MAIL_URL`; with neither, it prints the message to
 * the log as Meteor does, and the job succeeds.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('Mailer');
  private printed = 0;

  constructor(
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue<MailMessage>,
    @Inject(APP_ENV) private readonly env: UsersRoomsEnv,
    private readonly settings: SettingsReader,
  ) {}

  /** Queues one e-mail; a `jobId` makes a repeated call (a retried job) queue it once. */
  async enqueue(message: MailMessage, jobId?: string): Promise<string> {
    const job = await this.queue.add(MailJob.Send, message, jobId ? { jobId } : {});
    return String(job.id);
  }

  /**
   * Subject and body from Rocket.Chat's template settings (`Forgot_Password_Email_Subject` /
   * `Forgot_Password_Email`...), with `[Site_Name]`, `[Site_URL]` and the given placeholders filled in.
   */
  async render(
    subjectSetting: string,
    bodySetting: string,
    vars: Record<string, string | undefined>,
  ): Promise<Pick<MailMessage, 'subject' | 'html' | 'text'>> {
    const s = await this.settings.getMany(['Site_Name', 'Site_Url', subjectSetting, bodySetting]);
    const siteUrl = asString(s.Site_Url);
    const all = {
      Site_Name: asString(s.Site_Name),
      Site_URL: siteUrl,
      Site_URL_Slash: siteUrl.replace(/\/?$/, '/'),
      ...vars,
    };
    const html = renderMailTemplate(asString(s[bodySetting]), all, { html: true });
    return { subject: renderMailTemplate(asString(s[subjectSetting]), all), html, text: htmlToText(html) };
  }

  /** `From_Email`, or `no-reply@<Site_Url host>` when it is empty (an SMTP envelope needs a sender). */
  async defaultFrom(): Promise<string> {
    const s = await this.settings.getMany(['From_Email', 'Site_Name', 'Site_Url']);
    const from = asString(s.From_Email).trim();
    if (from) {
      return from;
    }
    let host = 'localhost';
    try {
      host = new URL(asString(s.Site_Url)).hostname || host;
    } catch {
      // keep localhost
    }
    return `${asString(s.Site_Name, 'Rocket.Chat')} <no-reply@${host}>`;
  }

  async deliver(message: MailMessage): Promise<{ sent: boolean; messageId?: string }> {
    const mail = { ...message, from: message.from ?? (await this.defaultFrom()) };
    const options = smtpTransportOptions(await this.settings.getMany([...SMTP_SETTING_IDS]), this.env.MAIL_URL);
    if (!options) {
      const raw = await createTransport({ streamTransport: true, buffer: true, newline: 'unix' }).sendMail(mail);
      const n = this.printed++;
      // warn, not log: Meteor prints it whatever the log level, and an unsent mail deserves attention
      this.logger.warn(
        `====== BEGIN MAIL #${n} ======\n(Mail not sent; to enable sending, set the MAIL_URL environment variable or the SMTP settings.)\n${Buffer.isBuffer(raw.message) ? raw.message.toString('utf8') : ''}\n====== END MAIL #${n} ======`,
      );
      return { sent: false };
    }
    const transport = createTransport(options);
    try {
      const info = await transport.sendMail(mail);
      return { sent: true, messageId: info.messageId };
    } finally {
      transport.close();
    }
  }
}
