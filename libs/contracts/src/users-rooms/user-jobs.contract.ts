import { AuthUser, Doc } from '../common/types';

/** users-rooms: users.register, users.forgotPassword, users.requestDataDownload, users.deactivateIdle, e-mail (Bull jobs). */
export const UserJobsPattern = {
  ForgotPassword: 'users.forgotPassword',
  Register: 'users.register',
  RequestDataDownload: 'users.requestDataDownload',
  DeactivateIdle: 'users.deactivateIdle',
} as const;

/** Bull queue of outgoing e-mail (Redis, shared by every users-rooms replica). */
export const MAIL_QUEUE = 'mail';
export const MailJob = { Send: 'send' } as const;

/** Bull queue of user data exports (`users.requestDataDownload`). */
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

export interface ForgotPasswordPayload {
  email?: string;
}

export interface RegisterPayload {
  /** set when the request carried valid credentials (logged-in users cannot register) */
  caller?: AuthUser;
  username: string;
  email: string;
  pass: string;
  name?: string;
  secret?: string;
  reason?: string;
}

export interface RequestDataDownloadPayload {
  caller: AuthUser;
  fullExport: boolean;
}
export interface RequestDataDownloadResult {
  requested: boolean;
  exportOperation: Doc;
}

export interface DeactivateIdlePayload {
  caller: AuthUser;
  daysIdle: number;
  role?: string;
}

export interface UserJobsContract {
  [UserJobsPattern.ForgotPassword]: { payload: ForgotPasswordPayload; result: Record<string, never> };
  [UserJobsPattern.Register]: { payload: RegisterPayload; result: { user: Doc } };
  [UserJobsPattern.RequestDataDownload]: { payload: RequestDataDownloadPayload; result: RequestDataDownloadResult };
  [UserJobsPattern.DeactivateIdle]: { payload: DeactivateIdlePayload; result: { count: number } };
}
