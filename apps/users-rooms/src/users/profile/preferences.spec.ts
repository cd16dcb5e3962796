import {
  defaultPreferences,
  mergePreferences,
  normalizePreferences,
  preferencesUpdate,
  validatePreferences,
} from './preferences';

describe('users.setPreferences rules', () => {
  describe(validatePreferences.name, () => {
    it('accepts known keys and coerces types as Rocket.Chat’s ajv does', () => {
      const sut = validatePreferences({ useEmojis: 'false', clockMode: '1', language: 'pt-BR', highlights: ['a'] });
      expect(sut).toEqual({
        ok: true,
        value: { useEmojis: false, clockMode: 1, language: 'pt-BR', highlights: ['a'] },
      });
    });

    it('accepts null (nullable keys) and an empty object', () => {
      expect(validatePreferences({ sendOnEnter: null })).toEqual({ ok: true, value: { sendOnEnter: null } });
      expect(validatePreferences({})).toEqual({ ok: true, value: {} });
    });

    it('refuses unknown keys', () => {
      expect(validatePreferences({ useEmojis: true, isAdmin: true })).toEqual({
        ok: false,
        error: 'must NOT have additional properties',
      });
    });

    it('refuses wrong types and values outside an enum', () => {
      expect(validatePreferences({ useEmojis: 'yes' })).toEqual({ ok: false, error: 'must be boolean' });
      expect(validatePreferences({ notificationsSoundVolume: 'loud' })).toEqual({ ok: false, error: 'must be number' });
      expect(validatePreferences({ highlights: 'word' })).toEqual({ ok: false, error: 'must be array' });
      expect(validatePreferences({ alsoSendThreadToChannel: 'sometimes' })).toEqual({
        ok: false,
        error: 'must be equal to one of the allowed values',
      });
    });

    it('refuses a non-object', () => {
      expect(validatePreferences(['useEmojis'])).toEqual({ ok: false, error: 'must be object' });
      expect(validatePreferences('x')).toEqual({ ok: false, error: 'must be object' });
    });
  });

  it('maps the old e-mail modes to the current ones', () => {
    expect(normalizePreferences({ emailNotificationMode: 'all' })).toEqual({ emailNotificationMode: 'mentions' });
    expect(normalizePreferences({ emailNotificationMode: 'disabled' })).toEqual({ emailNotificationMode: 'nothing' });
    expect(normalizePreferences({ emailNotificationMode: 'nothing' })).toEqual({ emailNotificationMode: 'nothing' });
  });

  it('stores under settings.preferences and drops clockMode 0', () => {
    expect(preferencesUpdate({ useEmojis: false, clockMode: 0 })).toEqual({
      $set: { 'settings.preferences.useEmojis': false },
      $unset: { 'settings.preferences.clockMode': 1 },
    });
    expect(preferencesUpdate({ clockMode: 2 })).toEqual({ $set: { 'settings.preferences.clockMode': 2 } });
  });

  it('reads defaults from the Accounts_Default_User_Preferences_* settings', () => {
    const sut = defaultPreferences(
      {
        Accounts_Default_User_Preferences_useEmojis: true,
        Accounts_Default_User_Preferences_featuresPreview: '[]',
        Accounts_Default_User_Preferences_sidebarViewMode: 'medium',
        Site_Url: 'x',
      },
      'Accounts_Default_User_Preferences_',
    );
    expect(sut).toEqual({ useEmojis: true, featuresPreview: [], sidebarViewMode: 'medium' });
  });

  it('merges the user’s own choices over the defaults and adds the language', () => {
    const sut = mergePreferences({ useEmojis: true, sidebarViewMode: 'medium' }, { useEmojis: false }, 'de');
    expect(sut).toEqual({ useEmojis: false, sidebarViewMode: 'medium', language: 'de' });
    expect(mergePreferences({ a: 1 }, undefined, undefined)).toEqual({ a: 1 });
  });
});
