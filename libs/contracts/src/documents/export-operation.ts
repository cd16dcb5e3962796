/** Rocket.Chat's IExportOperation (`rocketchat_export_operations`): a user data download. */
export interface IExportOperation {
  _id: string;
  userId: string;
  roomList?: unknown[];
  /** `preparing`, `pending`, `exporting`, `exporting-rooms`, `completed`, `failed`, `skipped` */
  status: string;
  exportPath?: string;
  assetsPath?: string;
  fileList?: unknown[];
  generatedFile?: string;
  fullExport: boolean;
  userData?: Record<string, unknown>;
  createdAt: Date;
  _updatedAt: Date;
  [extra: string]: unknown;
}
