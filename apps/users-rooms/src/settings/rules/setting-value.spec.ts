import { checkSettingValue } from './setting-value';

const refusal = (setting: Parameters<typeof checkSettingValue>[0], value: unknown) =>
  checkSettingValue(setting, value)?.payload;

describe(checkSettingValue.name, () => {
  it("answers a value of the wrong type with Meteor's Match error (no errorType)", () => {
    expect(refusal({ _id: 'b', type: 'boolean' }, 'true')).toMatchObject({
      kind: 'plain',
      reason: 'Match error: Expected boolean, got string',
    });
    expect(refusal({ _id: 'i', type: 'int' }, '5')).toMatchObject({
      reason: 'Match error: Expected number, got string',
    });
    expect(refusal({ _id: 's', type: 'string' }, null)).toMatchObject({
      reason: 'Match error: Expected string, got null',
    });
    expect(refusal({ _id: 'm', type: 'multiSelect' }, 'uj')).toMatchObject({ reason: 'Match error: Expected Array' });
    expect(refusal({ _id: 'r', type: 'roomPick' }, 'GENERAL')).toMatchObject({ kind: 'plain' });
  });

  it('accepts values of the type', () => {
    expect(refusal({ _id: 'b', type: 'boolean' }, false)).toBeUndefined();
    expect(refusal({ _id: 'i', type: 'int' }, -1)).toBeUndefined();
    expect(refusal({ _id: 's', type: 'string' }, '')).toBeUndefined();
    expect(refusal({ _id: 'c', type: 'color' }, '#fff')).toBeUndefined();
    expect(refusal({ _id: 'r', type: 'roomPick' }, '')).toBeUndefined();
    expect(refusal({ _id: 'r', type: 'roomPick' }, [{ _id: 'GENERAL', name: 'general' }])).toBeUndefined();
  });

  it('refuses integers that are not whole or out of bounds', () => {
    expect(refusal({ _id: 'i', type: 'int' }, 1.5)).toMatchObject({
      kind: 'failure',
      errorType: 'error-invalid-setting-value',
      reason: 'Invalid setting value 1.5',
    });
    const bounded = { _id: 'Bounded', type: 'int' as const, minValue: 1, maxValue: 10 };
    expect(refusal(bounded, 0)).toMatchObject({
      reason: 'Value for setting Bounded must be greater than or equal to 1',
    });
    expect(refusal(bounded, 11)).toMatchObject({
      reason: 'Value for setting Bounded must be less than or equal to 10',
    });
    expect(refusal(bounded, 10)).toBeUndefined();
  });

  it('keeps select and multiSelect values to the allowed keys', () => {
    const values = [
      { key: 'Public', i18nLabel: 'P' },
      { key: 'Disabled', i18nLabel: 'D' },
    ];
    expect(refusal({ _id: 'f', type: 'select', values }, 'Disabled')).toBeUndefined();
    expect(refusal({ _id: 'f', type: 'select', values }, 'Closed')).toMatchObject({
      errorType: 'error-invalid-setting-value',
      reason: 'Invalid setting value Closed',
    });
    expect(refusal({ _id: 'm', type: 'multiSelect', values }, ['Public'])).toBeUndefined();
    expect(refusal({ _id: 'm', type: 'multiSelect', values }, ['Public', 'Other'])).toMatchObject({
      errorType: 'error-invalid-setting-value',
    });
  });

  it('wants JSON for application/json code settings', () => {
    const json = { _id: 'j', type: 'code' as const, code: 'application/json' };
    expect(refusal(json, '{"a":1}')).toBeUndefined();
    expect(refusal(json, '')).toBeUndefined();
    expect(refusal(json, '{a:1}')).toMatchObject({ kind: 'failure', errorType: 'Invalid JSON provided' });
    expect(refusal({ _id: 'css', type: 'code', code: 'text/css' }, '{a:1}')).toBeUndefined();
  });
});
