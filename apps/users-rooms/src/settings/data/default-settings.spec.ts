import { DEFAULT_SETTINGS, parseSettingValue } from './default-settings';

describe('default settings', () => {
  it('defines every setting once', () => {
    const ids = DEFAULT_SETTINGS.map((s) => s._id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('has defaults of the declared type', () => {
    for (const s of DEFAULT_SETTINGS) {
      const expected = s.type === 'int' ? 'number' : s.type;
      expect([s._id, typeof s.packageValue]).toEqual([s._id, expected]);
    }
  });

  it('parses OVERWRITE_SETTING_* values by type', () => {
    expect(parseSettingValue('boolean', 'TRUE')).toBe(true);
    expect(parseSettingValue('boolean', 'no')).toBe(false);
    expect(parseSettingValue('int', '25')).toBe(25);
    expect(() => parseSettingValue('int', 'ten')).toThrow();
    expect(parseSettingValue('string', 'x')).toBe('x');
  });
});
