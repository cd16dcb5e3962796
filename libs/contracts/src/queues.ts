/** Bull queues and job names (Redis, shared by every replica of the owning service). */

/** Outgoing e-mail. */
export const MAIL_QUEUE = 'mail';
export const MailJob = { Send: 'send' } as const;

/** User data exports (`users.requestDataDownload`). */
export const DATA_EXPORT_QUEUE = 'data-export';
export const DataExportJob = { DataDownload: 'data-download' } as const;

/** One e-mail as a `mail` job carries it. */
export interface MailMessage {
  to: string;
  subject: string;
  html: string;
  text?: string;
  /** defaults to the `From_Email` setting */
  from?: string;
}

/** A `data-download` job: the export operation to build. */
export interface DataDownloadJobData {
  operationId: string;
}
