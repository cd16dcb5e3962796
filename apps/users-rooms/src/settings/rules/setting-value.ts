import { RcError } from '@app/envelope';
import type { DefaultSetting } from '../data/setting-types';

/** What the value check needs to know of a setting (a stored document or a default). */
export type CheckedSetting = Pick<DefaultSetting, '_id' | 'type'> &
  Partial<Pick<DefaultSetting, 'values' | 'code' | 'minValue' | 'maxValue'>>;

/** Meteor's check() failure: 400 `{success:false, error:"Match error: …"}` with no errorType. */
const matchError = (message: string) => RcError.plain(`Match error: ${message}`);

const typeOf = (value: unknown) => (value === null ? 'null' : typeof value);

const expected = (type: 'boolean' | 'number' | 'string', value: unknown): RcError | null =>
  typeof value === type ? null : matchError(`Expected ${type}, got ${typeOf(value)}`);

const invalidValue = (value: unknown) =>
  RcError.failure('error-invalid-setting-value', `Invalid setting value ${String(value)}`, { method: 'saveSettings' });

function outOfBounds(setting: CheckedSetting, value: number): RcError | null {
  if (setting.minValue !== undefined && value < setting.minValue) {
    return RcError.failure(
      'error-invalid-setting-value',
      `Value for setting ${setting._id} must be greater than or equal to ${setting.minValue}`,
      { method: 'saveSettings' },
    );
  }
  if (setting.maxValue !== undefined && value > setting.maxValue) {
    return RcError.failure(
      'error-invalid-setting-value',
      `Value for setting ${setting._id} must be less than or equal to ${setting.maxValue}`,
      { method: 'saveSettings' },
    );
  }
  return null;
}

const allowed = (setting: CheckedSetting, key: string) => !setting.values || setting.values.some((v) => v.key === key);

/**
 * Rocket.Chat's saveSettings checks of a new value, by the setting's type: booleans, integers (within
 * minValue/maxValue), lists for multiSelect, rooms for roomPick, JSON for `application/json` code, and one of
 * the allowed keys for select and multiSelect; text for everything else. Returns the refusal, or null.
 */
export function checkSettingValue(setting: CheckedSetting, value: unknown): RcError | null {
  switch (setting.type) {
    case 'boolean':
      return expected('boolean', value);
    case 'int': {
      const refusal = expected('number', value);
      if (refusal) {
        return refusal;
      }
      if (!Number.isInteger(value)) {
        return invalidValue(value);
      }
      return outOfBounds(setting, value as number);
    }
    case 'multiSelect':
      if (!Array.isArray(value)) {
        return matchError('Expected Array');
      }
      return value.every((v) => typeof v === 'string' && allowed(setting, v)) ? null : invalidValue(value);
    case 'roomPick':
      return value === '' ||
        (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v)))
        ? null
        : matchError('Failed Match.OneOf, Match.Maybe or Match.Optional validation');
    case 'select':
      return expected('string', value) ?? (allowed(setting, value as string) ? null : invalidValue(value));
    case 'code': {
      const refusal = expected('string', value);
      if (refusal || setting.code !== 'application/json' || value === '') {
        return refusal;
      }
      try {
        JSON.parse(value as string);
        return null;
      } catch {
        return RcError.failure('Invalid JSON provided');
      }
    }
    default:
      return expected('string', value);
  }
}

/** A colour setting's editor: a colour picker, or an expression (a CSS variable, say). */
export const COLOR_EDITORS = ['color', 'expression'] as const;
