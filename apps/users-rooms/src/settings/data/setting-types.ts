/** A Rocket.Chat setting this project reads: its id, type, default and group. */
export type SettingType = 'boolean' | 'int' | 'string';

export interface DefaultSetting {
  _id: string;
  type: SettingType;
  packageValue: boolean | number | string;
  group: string;
  public?: boolean;
}

export const setting = (
  _id: string,
  type: SettingType,
  packageValue: boolean | number | string,
  group: string,
  pub = false,
): DefaultSetting => ({ _id, type, packageValue, group, public: pub });
