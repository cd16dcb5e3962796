/**
 * The shape of a default setting and small builders for the per-area tables (`data/<area>.settings.ts`). Each
 * entry carries Rocket.Chat's id, type, default, group, section, public flag and, for selects, the allowed
 * values; `group()` stamps the group and Rocket.Chat's `sorter` (order within the group) on its entries.
 */
import type { SettingType } from '@app/contracts';

export type { SettingType } from '@app/contracts';

export type SettingValue = boolean | number | string | string[] | Record<string, unknown> | unknown[];

export interface SelectValue {
  key: string;
  i18nLabel: string;
}

export interface SettingOptions {
  public?: boolean;
  hidden?: boolean;
  /** shown but never changed through the API (Rocket.Chat's `readonly`: values the server itself keeps) */
  readonly?: boolean;
  /** not handed to apps and integrations (Rocket.Chat's `secret`) */
  secret?: boolean;
  multiline?: boolean;
  i18nLabel?: string;
  i18nDescription?: string;
  alert?: string;
  /** an Enterprise setting: an unlicensed (Community) server applies `invalidValue` instead of the value */
  enterprise?: { invalidValue: SettingValue; modules?: string[] };
  /** `int` bounds (Rocket.Chat's `minValue` / `maxValue`) */
  minValue?: number;
  maxValue?: number;
  /** the value at first start is a fresh random id (Rocket.Chat's `Random.id()` defaults), not the default */
  random?: boolean;
  /** set by `section()` / `group()`; an entry may name its own (Rocket.Chat allows it) */
  section?: string;
  group?: string;
}

export interface DefaultSetting {
  _id: string;
  type: SettingType;
  packageValue: SettingValue;
  group: string;
  section?: string;
  sorter: number;
  public: boolean;
  hidden?: boolean;
  readonly?: boolean;
  secret?: boolean;
  multiline?: boolean;
  i18nLabel: string;
  i18nDescription?: string;
  alert?: string;
  /** select and multiSelect: the allowed keys */
  values?: SelectValue[];
  /** code settings: the language */
  code?: string;
  /** colour settings: how the value is entered */
  editor?: 'color' | 'expression';
  /** action settings: the button text; the value names the action */
  actionText?: string;
  enterprise?: boolean;
  invalidValue?: SettingValue;
  modules?: string[];
  minValue?: number;
  maxValue?: number;
  random?: boolean;
}

/** A table entry before `group()` gives it its group and sorter. */
export type SettingEntry = Omit<DefaultSetting, 'group' | 'sorter'> & { group?: string };

/** Select values: a key, or `[key, i18nLabel]`. */
export type SelectValues = readonly (string | readonly [string, string])[];

const selectValues = (values: SelectValues): SelectValue[] =>
  values.map((v) => (typeof v === 'string' ? { key: v, i18nLabel: v } : { key: v[0], i18nLabel: v[1] }));

function entry(
  _id: string,
  type: SettingType,
  packageValue: SettingValue,
  o: SettingOptions = {},
  extra: Partial<SettingEntry> = {},
): SettingEntry {
  const { enterprise, public: pub, i18nLabel, ...rest } = o;
  return {
    _id,
    type,
    packageValue,
    public: pub ?? false,
    i18nLabel: i18nLabel ?? _id,
    ...rest,
    ...(enterprise
      ? {
          enterprise: true,
          invalidValue: enterprise.invalidValue,
          ...(enterprise.modules ? { modules: enterprise.modules } : {}),
        }
      : {}),
    ...extra,
  };
}

/** The options most entries need. */
export const PUBLIC: SettingOptions = { public: true };
export const HIDDEN: SettingOptions = { hidden: true };

export const bool = (id: string, value: boolean, o?: SettingOptions) => entry(id, 'boolean', value, o);
export const int = (id: string, value: number, o?: SettingOptions) => entry(id, 'int', value, o);
export const str = (id: string, value: string, o?: SettingOptions) => entry(id, 'string', value, o);
export const password = (id: string, o?: SettingOptions) => entry(id, 'password', '', { secret: true, ...o });
export const relativeUrl = (id: string, value: string, o?: SettingOptions) =>
  entry(id, 'relativeUrl', value, { readonly: true, ...o });
export const language = (id: string, value: string, o?: SettingOptions) => entry(id, 'language', value, o);
export const timezone = (id: string, value: string, o?: SettingOptions) => entry(id, 'timezone', value, o);
export const lookup = (id: string, value: string, o?: SettingOptions) => entry(id, 'lookup', value, o);
/** A code editor; with `lang` `application/json` the value must be JSON. */
export const code = (id: string, value: string, lang: string | undefined, o?: SettingOptions) =>
  entry(id, 'code', value, { multiline: true, ...o }, lang ? { code: lang } : {});
export const color = (id: string, value: string, o?: SettingOptions) =>
  entry(id, 'color', value, o, { editor: 'color' });
export const select = (id: string, value: string, values: SelectValues, o?: SettingOptions) =>
  entry(id, 'select', value, o, { values: selectValues(values) });
export const multiSelect = (id: string, value: string[], values: SelectValues, o?: SettingOptions) =>
  entry(id, 'multiSelect', value, o, { values: selectValues(values) });
export const roomPick = (id: string, o?: SettingOptions) => entry(id, 'roomPick', '', o);
/** An action button: the value names what `POST settings/:_id {execute: true}` runs. */
export const action = (id: string, actionName: string, actionText: string, o?: SettingOptions) =>
  entry(id, 'action', actionName, o, { actionText });
/** An asset (logo, favicon): changed through assets.setAsset, never through the settings API. */
export const asset = (id: string, defaultUrl: string, o?: SettingOptions) =>
  entry(id, 'asset', { defaultUrl }, { public: true, readonly: true, ...o });

/** Puts entries into a section (an entry that names its own keeps it). */
export function section(name: string, entries: SettingEntry[]): SettingEntry[] {
  return entries.map((e) => ({ ...e, section: e.section ?? name }));
}

/** Puts entries (and sections of entries) into a group, with Rocket.Chat's `sorter` in table order. */
export function group(name: string, entries: (SettingEntry | SettingEntry[])[]): DefaultSetting[] {
  return entries.flat().map((e, sorter) => ({ ...e, group: e.group ?? name, sorter }));
}
