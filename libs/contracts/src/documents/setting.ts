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
  /** SETTINGS_BLOCKED: shown, never changed through the API */
  blocked?: boolean;
  /** kept by the server itself (setup markers, callback paths) */
  readonly?: boolean;
  enterprise?: boolean;
  invalidValue?: unknown;
  sorter?: number;
  /** code settings: the language (`application/json` values must parse) */
  code?: string;
  /** colour settings: `color` or `expression` */
  editor?: string;
  minValue?: number;
  maxValue?: number;
  i18nLabel?: string;
  values?: { key: string; i18nLabel: string }[];
  _updatedAt?: Date;
  [extra: string]: unknown;
}
