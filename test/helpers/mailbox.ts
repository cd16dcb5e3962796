/**
 * A local SMTP server on the port the apps' SMTP settings point at (test/global-setup.ts), collecting what the
 * `mail` queue sends. One spec file at a time runs it (`start()` in beforeAll, `stop()` in afterAll).
 */
import { SMTPServer } from 'smtp-server';
import { readState } from './state';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** Quoted-printable soft breaks and escapes undone, so links and text can be read from the raw message. */
export function decodeQp(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export class Mailbox {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;

  async start(): Promise<void> {
    const port = Number(readState().appEnv.OVERWRITE_SETTING_SMTP_Port ?? 39025);
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** The first mail to `to` (whose decoded text matches `match`) within `timeoutMs`. */
  async waitFor(to: string, match?: RegExp, timeoutMs = 15000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mail = this.received.find(
        (m) => m.to.includes(to.toLowerCase()) && (!match || match.test(decodeQp(m.raw))),
      );
      if (mail) {
        return mail;
      }
      if (Date.now() > deadline) {
        throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
