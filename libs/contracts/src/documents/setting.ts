export type SettingType =
  | 'boolean'
  | 'int'
  | 'string'
  | 'select'
  | 'code'
  | 'color'
  | 'roomPick'
  | 'multiSelect'
  | 'password'
  | 'relativeUrl'
  | 'language'
  | 'action'
  | 'asset'
  | 'timezone'
  | 'date'
  | 'lookup'
  | 'font';

/** Rocket.Chat's ISetting (`rocketchat_settings`). */
export interface ISetting {
  _id: string;
  type: SettingType;
  value: unknown;
  packageValue: unknown;
  group?: string;
  section?: string;
  public?: boolean;
  hidden?: boolean;
  i18nLabel?: string;
  values?: { key: string; i18nLabel: string }[];
  _updatedAt?: Date;
  [extra: string]: unknown;
}
