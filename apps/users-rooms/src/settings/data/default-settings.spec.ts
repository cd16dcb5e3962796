import { checkSettingValue } from '../rules/setting-value';
import { DEFAULT_PREFERENCE_IDS, DEFAULT_SETTINGS, parseSettingValue } from './default-settings';

describe('default settings', () => {
  it('defines every setting once', () => {
    const ids = DEFAULT_SETTINGS.map((s) => s._id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('has defaults that the settings API itself would accept for their type', () => {
    for (const s of DEFAULT_SETTINGS.filter((d) => d.type !== 'asset')) {
      expect([s._id, checkSettingValue(s, s.packageValue)?.payload]).toEqual([s._id, undefined]);
    }
  });

  it('keeps the sorter order within each group and labels every setting', () => {
    const byGroup = new Map<string, number[]>();
    for (const s of DEFAULT_SETTINGS) {
      byGroup.set(s.group, [...(byGroup.get(s.group) ?? []), s.sorter]);
      expect(s.i18nLabel).toBeTruthy();
    }
    for (const [group, sorters] of byGroup) {
      expect([group, sorters]).toEqual([group, sorters.map((_, i) => i)]);
    }
  });

  it('covers the settings the endpoints read, with Rocket.Chat public flags', () => {
    const byId = new Map(DEFAULT_SETTINGS.map((s) => [s._id, s]));
    expect(byId.get('API_Upper_Count_Limit')).toMatchObject({ type: 'int', packageValue: 100, public: true });
    expect(byId.get('API_Default_Count')).toMatchObject({ type: 'int', packageValue: 50, public: false });
    expect(byId.get('Accounts_RegistrationForm')).toMatchObject({
      type: 'select',
      packageValue: 'Public',
      values: [
        { key: 'Public', i18nLabel: 'Accounts_RegistrationForm_Public' },
        { key: 'Disabled', i18nLabel: 'Accounts_RegistrationForm_Disabled' },
        { key: 'Secret URL', i18nLabel: 'Accounts_RegistrationForm_Secret_URL' },
      ],
    });
    expect(byId.get('Accounts_SystemBlockedUsernameList')).toMatchObject({
      packageValue: 'admin,administrator,system,user',
      hidden: true,
    });
    expect(byId.get('Livechat_title_color')).toMatchObject({ type: 'color', editor: 'color', public: true });
    expect(byId.get('SMTP_Test_Button')).toMatchObject({ type: 'action', packageValue: 'sendSMTPTestEmail' });
    expect(byId.get('Layout_Login_Hide_Logo')).toMatchObject({ enterprise: true, invalidValue: false });
    for (const id of ['FileUpload_MaxFileSize', 'Message_MaxAllowedSize', 'Threads_enabled', 'Livechat_enabled']) {
      expect([id, byId.get(id)?.public]).toEqual([id, true]);
    }
    expect(DEFAULT_PREFERENCE_IDS).toContain('Accounts_Default_User_Preferences_idleTimeLimit');
  });

  it('parses OVERWRITE_SETTING_* values by type', () => {
    expect(parseSettingValue('boolean', 'TRUE')).toBe(true);
    expect(parseSettingValue('boolean', 'no')).toBe(false);
    expect(parseSettingValue('int', '25')).toBe(25);
    expect(() => parseSettingValue('int', 'ten')).toThrow();
    expect(parseSettingValue('string', 'x')).toBe('x');
    expect(parseSettingValue('multiSelect', '["uj","ul"]')).toEqual(['uj', 'ul']);
    expect(parseSettingValue('multiSelect', 'uj, ul')).toEqual(['uj', 'ul']);
    expect(() => parseSettingValue('multiSelect', '[1]')).toThrow();
  });
});
