/**
 * settings.*, settings/:_id, service.configurations: reading settings (public, private, one), changing them
 * with Rocket.Chat's type checks, permissions, protections and second factor, action and colour settings, and
 * OVERWRITE_SETTING_* winning again at the next start.
 */
import {
  adminHeaders,
  adminWith2fa,
  createChannel,
  createUser,
  createUserAndLogin,
  get,
  login,
  NOT_LOGGED_IN,
  post,
  request,
  sha256,
  unique,
} from './helpers/api';
import { Mailbox } from './helpers/mailbox';
import { restartApp } from './helpers/processes';
import { getSetting, setSetting, withSettings } from './helpers/settings';
import { E2E_RATE_LIMIT, readState } from './helpers/state';

/** Rocket.Chat's message-less `API.v1.failure()` (with the empty `error` every failure here carries) */
const FAILURE = { success: false, error: '' };

interface ListedSetting {
  _id: string;
  value: unknown;
  [key: string]: unknown;
}

const ids = (settings: ListedSetting[]) => settings.map((s) => s._id);

describe('GET /api/v1/settings.public', () => {
  it('lists public settings with their values to anyone, paged, as a real server does', async () => {
    const res = await request().get('/api/v1/settings.public').query({ count: 0 }).expect(200);
    expect(res.headers['content-type']).toBe('application/json');
    const settings = res.body.settings as ListedSetting[];
    expect(res.body).toMatchObject({ success: true, offset: 0, count: settings.length });
    expect(res.body.total).toBeGreaterThan(200);
    expect(settings.find((s) => s._id === 'Site_Name')).toEqual({ _id: 'Site_Name', value: 'Rocket.Chat' });
    for (const expected of ['Accounts_RegistrationForm', 'API_Upper_Count_Limit', 'Message_MaxAllowedSize']) {
      expect(ids(settings)).toContain(expected);
    }
    // private and hidden settings never
    for (const hidden of ['API_Default_Count', 'SMTP_Password', 'Accounts_SystemBlockedUsernameList']) {
      expect(ids(settings)).not.toContain(hidden);
    }
    expect([...ids(settings)].sort()).toEqual(ids(settings));
    const page2 = await request().get('/api/v1/settings.public').query({ count: 5, offset: 5 }).expect(200);
    expect(ids(page2.body.settings as ListedSetting[])).toEqual(ids(settings).slice(5, 10));
    expect(page2.body.total).toBe(res.body.total);
  });

  it('filters by `_id` (a comma list), and ignores credentials it does not need', async () => {
    const res = await request()
      .get('/api/v1/settings.public')
      .set({ 'X-User-Id': 'nobody', 'X-Auth-Token': 'nothing' })
      .query({ _id: 'Site_Name, Favorite_Rooms,API_Default_Count' })
      .expect(200);
    expect(res.body.settings).toEqual([
      { _id: 'Favorite_Rooms', value: true },
      { _id: 'Site_Name', value: 'Rocket.Chat' },
    ]);
    expect(res.body.total).toBe(2);
  });

  it('reports the value an unlicensed server applies for Enterprise settings', async () => {
    await withSettings({ Layout_Login_Hide_Logo: true }, async () => {
      const res = await request().get('/api/v1/settings.public').query({ _id: 'Layout_Login_Hide_Logo' });
      expect(res.body.settings).toEqual([
        expect.objectContaining({ _id: 'Layout_Login_Hide_Logo', value: false, enterprise: true }),
      ]);
    });
  });

  it('refuses unknown parameters, bad paging and unsafe queries', async () => {
    const unknownParam = await request().get('/api/v1/settings.public').query({ group: 'General' }).expect(400);
    expect(unknownParam.body.errorType).toBe('invalid-params');
    expect(unknownParam.headers['content-type']).toBe('application/json');
    const count = await request().get('/api/v1/settings.public').query({ count: 'many' }).expect(400);
    expect(count.body.errorType).toBe('invalid-params');
    const where = await request()
      .get('/api/v1/settings.public')
      .query({ query: JSON.stringify({ $where: 'sleep(1000)' }) })
      .expect(400);
    expect(where.body.errorType).toBe('error-invalid-query');
    const field = await request()
      .get('/api/v1/settings.public')
      .query({ query: JSON.stringify({ secretThing: 1 }) })
      .expect(400);
    expect(field.body.errorType).toBe('error-invalid-query');
  });
});

describe('GET /api/v1/settings', () => {
  it('shows private settings to view-privileged-setting holders, with defaults on includeDefaults', async () => {
    const res = await get('settings', await adminHeaders(), {
      query: JSON.stringify({ _id: { $in: ['API_Default_Count', 'Site_Name', 'Stream_Cast_Address'] } }),
      includeDefaults: 'true',
    }).expect(200);
    expect(res.body).toEqual({
      settings: [
        { _id: 'API_Default_Count', value: 50, packageValue: 50 },
        { _id: 'Site_Name', value: 'Rocket.Chat', packageValue: 'Rocket.Chat' },
      ],
      count: 2,
      offset: 0,
      total: 2,
      success: true,
    });
    const fields = await get('settings', await adminHeaders(), {
      query: JSON.stringify({ _id: 'Accounts_RegistrationForm' }),
      fields: JSON.stringify({ type: 1, group: 1, section: 1, public: 1, values: 1 }),
    }).expect(200);
    expect(fields.body.settings[0]).toEqual({
      _id: 'Accounts_RegistrationForm',
      value: 'Public',
      type: 'select',
      group: 'Accounts',
      section: 'Registration',
      public: true,
      values: [
        { key: 'Public', i18nLabel: 'Accounts_RegistrationForm_Public' },
        { key: 'Disabled', i18nLabel: 'Accounts_RegistrationForm_Disabled' },
        { key: 'Secret URL', i18nLabel: 'Accounts_RegistrationForm_Secret_URL' },
      ],
    });
  });

  it('shows only public settings to other users', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await get('settings', credentials.headers, { count: '0' }).expect(200);
    const listed = ids(res.body.settings as ListedSetting[]);
    expect(listed).toContain('Site_Name');
    expect(listed).not.toContain('API_Default_Count');
    const all = await get('settings', await adminHeaders(), { count: '0' }).expect(200);
    expect(all.body.total).toBeGreaterThan(res.body.total);
    expect(ids(all.body.settings as ListedSetting[])).not.toContain('Stream_Cast_Address');
  });

  it('needs a login and known parameters', async () => {
    const res = await request().get('/api/v1/settings').expect(401);
    expect(res.body).toEqual(NOT_LOGGED_IN);
    const bad = await get('settings', await adminHeaders(), { includeDefaults: 'true', group: 'x' }).expect(400);
    expect(bad.body.errorType).toBe('invalid-params');
  });
});

describe('GET /api/v1/settings/:_id', () => {
  it('answers _id and value to view-privileged-setting holders', async () => {
    const res = await get('settings/API_Default_Count', await adminHeaders()).expect(200);
    expect(res.body).toEqual({ _id: 'API_Default_Count', value: 50, success: true });
  });

  it('is 403 without view-privileged-setting, 401 without a login', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await get('settings/Site_Name', credentials.headers).expect(403);
    expect(res.body).toEqual({ success: false, error: 'unauthorized' });
    await request().get('/api/v1/settings/Site_Name').expect(401);
  });

  it("answers Rocket.Chat's message-less failure for unknown and hidden settings", async () => {
    const h = await adminHeaders();
    expect((await get('settings/No_Such_Setting', h).expect(400)).body).toEqual(FAILURE);
    expect((await get('settings/Stream_Cast_Address', h).expect(400)).body).toEqual(FAILURE);
    expect((await get('settings/Accounts_SystemBlockedUsernameList', h).expect(400)).body).toEqual(FAILURE);
  });
});

describe('POST /api/v1/settings/:_id', () => {
  it('changes a value; every reader sees it at once', async () => {
    const h = await adminWith2fa();
    const name = `E2E ${unique('site')}`;
    await withSettings({ Site_Name: name }, async () => {
      expect((await get('settings/Site_Name', h).expect(200)).body.value).toBe(name);
      const pub = await request().get('/api/v1/settings.public').query({ _id: 'Site_Name' }).expect(200);
      expect(pub.body.settings).toEqual([{ _id: 'Site_Name', value: name }]);
    });
    expect(await getSetting('Site_Name')).toBe('Rocket.Chat');
  });

  it("refuses values of the wrong type with Rocket.Chat's errors, and keeps the old value", async () => {
    const h = await adminWith2fa();
    const bool = await post('settings/Favorite_Rooms', h, { value: 'yes' }).expect(400);
    expect(bool.body).toEqual({ success: false, error: 'Match error: Expected boolean, got string' });
    const int = await post('settings/API_Default_Count', h, { value: '25' }).expect(400);
    expect(int.body).toEqual({ success: false, error: 'Match error: Expected number, got string' });
    const fraction = await post('settings/API_Default_Count', h, { value: 2.5 }).expect(400);
    expect(fraction.body).toEqual({
      success: false,
      error: 'Invalid setting value 2.5 [error-invalid-setting-value]',
      errorType: 'error-invalid-setting-value',
      details: { method: 'saveSettings' },
    });
    const select = await post('settings/Accounts_RegistrationForm', h, { value: 'Open' }).expect(400);
    expect(select.body.errorType).toBe('error-invalid-setting-value');
    const multi = await post('settings/Hide_System_Messages', h, { value: ['uj', 'nonsense'] }).expect(400);
    expect(multi.body.errorType).toBe('error-invalid-setting-value');
    const notList = await post('settings/Hide_System_Messages', h, { value: 'uj' }).expect(400);
    expect(notList.body).toEqual({ success: false, error: 'Match error: Expected Array' });
    const json = await post('settings/Custom_Translations', h, { value: '{not json' }).expect(400);
    expect(json.body).toEqual({
      success: false,
      error: '[Invalid JSON provided]',
      errorType: 'Invalid JSON provided',
    });
    const room = await post('settings/SlackBridge_Out_Channels', h, { value: 'general' }).expect(400);
    expect(room.body.error).toMatch(/^Match error: /);
    expect(await getSetting('API_Default_Count')).toBe(50);
    expect(await getSetting('Accounts_RegistrationForm')).toBe('Public');
  });

  it('stores the allowed values of every type', async () => {
    await withSettings(
      {
        Hide_System_Messages: ['uj', 'ul'],
        SlackBridge_Out_Channels: [{ _id: 'GENERAL', name: 'general' }],
        Custom_Translations: '{"en":{"Hi":"Hello"}}',
        Accounts_RegistrationForm: 'Secret URL',
      },
      async () => {
        const res = await get('settings', await adminHeaders(), {
          query: JSON.stringify({
            _id: {
              $in: [
                'Hide_System_Messages',
                'SlackBridge_Out_Channels',
                'Custom_Translations',
                'Accounts_RegistrationForm',
              ],
            },
          }),
        }).expect(200);
        expect(res.body.settings).toEqual([
          { _id: 'Accounts_RegistrationForm', value: 'Secret URL' },
          { _id: 'Custom_Translations', value: '{"en":{"Hi":"Hello"}}' },
          { _id: 'Hide_System_Messages', value: ['uj', 'ul'] },
          { _id: 'SlackBridge_Out_Channels', value: [{ _id: 'GENERAL', name: 'general' }] },
        ]);
      },
    );
  });

  it('refuses protected, blocked, hidden and unknown settings', async () => {
    const h = await adminWith2fa();
    for (const id of ['Show_Setup_Wizard', 'uniqueID', 'Assets_logo', 'Force_SSL', 'Stream_Cast_Address', 'Nope']) {
      const res = await post(`settings/${id}`, h, { value: 'x' }).expect(400);
      expect([id, res.body]).toEqual([id, FAILURE]);
    }
    // a blocked setting is still shown: only its value is out of reach
    expect(await getSetting('Force_SSL')).toBe(false);
    const nothing = await post('settings/Site_Name', h, {}).expect(400);
    expect(nothing.body).toEqual(FAILURE);
    const unknownKey = await post('settings/Site_Name', h, { value: 'x', reason: 'because' }).expect(400);
    expect(unknownKey.body.errorType).toBe('invalid-params');
  });

  it('is 403 without edit-privileged-setting, 401 without a login', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await post('settings/Site_Name', credentials.headers, { value: 'mine' }).expect(403);
    expect(res.body).toEqual({ success: false, error: 'unauthorized' });
    await request().post('/api/v1/settings/Site_Name').send({ value: 'x' }).expect(401);
    expect(await getSetting('Site_Name')).toBe('Rocket.Chat');
  });

  it('lets manage-selected-settings holders change exactly the settings their change-setting-<id> names', async () => {
    const roleName = unique('settings-editor');
    const h = await adminHeaders();
    const role = await post('roles.create', h, { name: roleName, scope: 'Users' }).expect(200);
    const roleId = role.body.role._id as string;
    const { user, credentials } = await createUserAndLogin();
    await post('roles.addUserToRole', h, { roleId, username: user.username }).expect(200);
    const listed = await get('permissions.listAll', h).expect(200);
    const roles = (id: string) =>
      (listed.body.update as { _id: string; roles: string[] }[]).find((p) => p._id === id)!.roles;
    expect(
      (listed.body.update as { _id: string; level?: string; settingId?: string }[]).find(
        (p) => p._id === 'change-setting-Site_Name',
      ),
    ).toMatchObject({ level: 'settings', settingId: 'Site_Name', roles: ['admin'] });
    const original = {
      manage: roles('manage-selected-settings'),
      siteName: roles('change-setting-Site_Name'),
    };
    const grant = (manage: string[], siteName: string[]) =>
      post('permissions.update', h, {
        permissions: [
          { _id: 'manage-selected-settings', roles: manage },
          { _id: 'change-setting-Site_Name', roles: siteName },
        ],
      }).expect(200);
    try {
      await grant([...original.manage, roleId], [...original.siteName, roleId]);
      await post('settings/Site_Name', credentials.headers, { value: 'Picked' }).expect(200);
      expect(await getSetting('Site_Name')).toBe('Picked');
      const other = await post('settings/Favorite_Rooms', credentials.headers, { value: false }).expect(403);
      expect(other.body).toEqual({ success: false, error: 'unauthorized' });
      // without manage-selected-settings the per-setting permission alone is not enough
      await grant(original.manage, [...original.siteName, roleId]);
      await post('settings/Site_Name', credentials.headers, { value: 'Again' }).expect(403);
    } finally {
      await grant(original.manage, original.siteName);
      await setSetting('Site_Name', 'Rocket.Chat');
    }
  });

  it('asks the second factor (a twoFactorRequired route), with the password fallback', async () => {
    // with nothing remembered, even a fresh admin account must give the second factor
    await withSettings({ Accounts_TwoFactorAuthentication_RememberFor: 0 }, async () => {
      const plain = await adminHeaders();
      const missing = await post('settings/Site_Name', plain, { value: 'No 2FA' }).expect(400);
      expect(missing.body).toMatchObject({
        success: false,
        errorType: 'totp-required',
        details: { method: 'password', availableMethods: ['password'] },
      });
      const wrong = await post(
        'settings/Site_Name',
        { ...plain, 'x-2fa-method': 'password', 'x-2fa-code': sha256('not the password') },
        { value: 'Wrong 2FA' },
      ).expect(400);
      expect(wrong.body.errorType).toBe('totp-invalid');
      expect(await getSetting('Site_Name')).toBe('Rocket.Chat');
      await post('settings/Site_Name', await adminWith2fa(), { value: 'With 2FA' }).expect(200);
      await post('settings/Site_Name', await adminWith2fa(), { value: 'Rocket.Chat' }).expect(200);
    });
  });

  it('stores a colour setting with its editor', async () => {
    const h = await adminWith2fa();
    const editorOf = async () =>
      (
        await get('settings', await adminHeaders(), {
          query: JSON.stringify({ _id: 'Livechat_title_color' }),
          fields: JSON.stringify({ editor: 1 }),
        }).expect(200)
      ).body.settings[0] as ListedSetting;
    expect(await editorOf()).toEqual({ _id: 'Livechat_title_color', value: '#C1272D', editor: 'color' });
    try {
      await post('settings/Livechat_title_color', h, { value: 'var(--rc-color-primary)', editor: 'expression' }).expect(
        200,
      );
      expect(await editorOf()).toEqual({
        _id: 'Livechat_title_color',
        value: 'var(--rc-color-primary)',
        editor: 'expression',
      });
      const badEditor = await post('settings/Livechat_title_color', h, { value: '#000', editor: 'crayon' }).expect(400);
      expect(badEditor.body.errorType).toBe('error-invalid-setting-value');
      const notColour = await post('settings/Site_Name', h, { value: 'x', editor: 'color' }).expect(400);
      expect(notColour.body).toEqual(FAILURE);
    } finally {
      await post('settings/Livechat_title_color', h, { value: '#C1272D', editor: 'color' }).expect(200);
    }
  });

  describe('action settings (`execute`)', () => {
    const mailbox = new Mailbox();
    beforeAll(() => mailbox.start());
    afterAll(() => mailbox.stop());

    it('runs the SMTP test: a mail to the caller', async () => {
      const res = await post('settings/SMTP_Test_Button', await adminWith2fa(), { execute: true }).expect(200);
      expect(res.body).toEqual({ success: true });
      const mail = await mailbox.waitFor(readState().admin.email, /You have successfully sent an email/);
      expect(mail.raw).toMatch(/Subject: SMTP Test Email/);
    });

    it('refuses `execute` on other settings and a new value for an action', async () => {
      const h = await adminWith2fa();
      expect((await post('settings/Site_Name', h, { execute: true }).expect(400)).body).toEqual(FAILURE);
      expect((await post('settings/SMTP_Test_Button', h, { value: 'dropDatabase' }).expect(400)).body).toEqual(FAILURE);
      expect(await getSetting('SMTP_Test_Button')).toBe('sendSMTPTestEmail');
      const typed = await post('settings/SMTP_Test_Button', h, { execute: 'yes' }).expect(400);
      expect(typed.body.errorType).toBe('invalid-params');
    });
  });
});

describe('GET /api/v1/settings.oauth and /api/v1/service.configurations', () => {
  it('describe the enabled login services, never their secrets, to anyone', async () => {
    const oauth = await request().get('/api/v1/settings.oauth').expect(200);
    const services = oauth.body.services as { name: string; clientId: string }[];
    expect(services.map((s) => s.name).sort()).toEqual(['google', 'twitter']);
    expect(services.find((s) => s.name === 'google')).toEqual({
      _id: expect.any(String),
      name: 'google',
      clientId: 'e2e-google-client',
      buttonLabelText: '',
      buttonColor: '',
      buttonLabelColor: '',
      custom: false,
    });
    const configurations = await request().get('/api/v1/service.configurations').expect(200);
    const twitter = (configurations.body.configurations as Record<string, unknown>[]).find(
      (c) => c.service === 'twitter',
    );
    expect(twitter).toEqual({ _id: expect.any(String), service: 'twitter', consumerKey: 'e2e-twitter-consumer-key' });
    expect(JSON.stringify([oauth.body, configurations.body])).not.toMatch(/secret/);
  });

  it('follow the OAuth settings at once', async () => {
    await withSettings({ Accounts_OAuth_Twitter: false, Accounts_OAuth_Facebook: true }, async () => {
      const res = await request().get('/api/v1/settings.oauth').expect(200);
      expect((res.body.services as { name: string }[]).map((s) => s.name).sort()).toEqual(['facebook', 'google']);
      const conf = await request().get('/api/v1/service.configurations').expect(200);
      expect(conf.body.configurations).toContainEqual({ _id: expect.any(String), service: 'facebook', appId: '' });
    });
  });

  it('take no parameters', async () => {
    expect((await request().get('/api/v1/settings.oauth').query({ all: 1 }).expect(400)).body.errorType).toBe(
      'invalid-params',
    );
    expect((await request().get('/api/v1/service.configurations').query({ x: 1 }).expect(400)).body.errorType).toBe(
      'invalid-params',
    );
  });
});

describe('behaviour follows settings without a restart', () => {
  it('chat (another app) follows Threads_enabled at once', async () => {
    const h = await adminHeaders();
    const channel = await createChannel(h);
    const parent = await post('chat.postMessage', h, { roomId: channel._id, text: 'parent' }).expect(200);
    const tmid = parent.body.message._id as string;
    await withSettings({ Threads_enabled: false }, async () => {
      const refused = await post('chat.postMessage', h, { roomId: channel._id, text: 'reply', tmid }).expect(400);
      expect(refused.body.errorType).toBe('error-not-allowed');
    });
    await post('chat.postMessage', h, { roomId: channel._id, text: 'reply', tmid }).expect(200);
  });

  it('Accounts_RegistrationForm: users.register closes and opens again', async () => {
    const registration = () => {
      const username = unique('e2e.reg');
      return { username, email: `${username}@e2e.test`, pass: 'reg-pass-1', name: 'Reg' };
    };
    await withSettings({ Accounts_RegistrationForm: 'Disabled' }, async () => {
      const res = await request().post('/api/v1/users.register').send(registration()).expect(400);
      expect(res.body.errorType).toBe('error-user-registration-disabled');
    });
    await request().post('/api/v1/users.register').send(registration()).expect(200);
  });

  it('Accounts_AllowPasswordChange: own password changes are refused while off', async () => {
    const { user, password, credentials } = await createUserAndLogin();
    const change = { currentPassword: sha256(password), newPassword: 'changed-1' };
    await withSettings({ Accounts_AllowPasswordChange: false }, async () => {
      for (const res of [
        await post('users.updateOwnBasicInfo', credentials.headers, { data: change }),
        await post('users.update', credentials.headers, { userId: user._id, data: { password: 'changed-1' } }),
      ]) {
        expect([res.status, res.body]).toEqual([
          400,
          {
            success: false,
            error: 'Edit user password is not allowed [error-action-not-allowed]',
            errorType: 'error-action-not-allowed',
            details: { method: 'insertOrUpdateUser', action: 'Update_user' },
          },
        ]);
      }
      await login(user.username, password);
    });
    await post('users.updateOwnBasicInfo', credentials.headers, { data: change }).expect(200);
    await login(user.username, 'changed-1');
  });

  it('Accounts_AllowUserProfileChange: profile edits are refused while off', async () => {
    const { user, credentials } = await createUserAndLogin();
    await withSettings({ Accounts_AllowUserProfileChange: false }, async () => {
      const own = await post('users.updateOwnBasicInfo', credentials.headers, { data: { name: 'Nope' } }).expect(400);
      expect(own.body).toEqual({
        success: false,
        error: 'Not allowed [error-not-allowed]',
        errorType: 'error-not-allowed',
        details: { method: 'saveUserProfile' },
      });
      const update = await post('users.update', credentials.headers, {
        userId: user._id,
        data: { name: 'Nope' },
      }).expect(400);
      expect(update.body.error).toBe('Edit user profile is not allowed [error-action-not-allowed]');
      // an editor of other users' info still may
      await post('users.update', await adminWith2fa(), { userId: user._id, data: { name: 'By Admin' } }).expect(200);
    });
    const res = await post('users.updateOwnBasicInfo', credentials.headers, { data: { name: 'Yes' } }).expect(200);
    expect(res.body.user.name).toBe('Yes');
  });

  it('Accounts_AllowDeleteOwnAccount: users.deleteOwnAccount opens and closes', async () => {
    const first = await createUserAndLogin();
    const second = await createUserAndLogin();
    await withSettings({ Accounts_AllowDeleteOwnAccount: true }, async () => {
      await post('users.deleteOwnAccount', first.credentials.headers, { password: sha256(first.password) }).expect(200);
      await get('me', first.credentials.headers).expect(401);
    });
    const refused = await post('users.deleteOwnAccount', second.credentials.headers, {
      password: sha256(second.password),
    }).expect(400);
    expect(refused.body.errorType).toBe('error-not-allowed');
  });

  it('Block_Multiple_Failed_Logins_*: the threshold and the switches apply to the next attempt', async () => {
    const { user, password } = await createUser();
    const attempt = (pw: string) => request().post('/api/v1/login').send({ user: user.username, password: pw });
    await withSettings({ Block_Multiple_Failed_Logins_Attempts_Until_Block_by_User: 2 }, async () => {
      await attempt('wrong').expect(401);
      await attempt('wrong').expect(401);
      const blocked = await attempt(password).expect(401);
      expect(blocked.body.error).toBe('error-login-blocked-for-user');
      await withSettings({ Block_Multiple_Failed_Logins_By_User: false }, async () => {
        await attempt(password).expect(200);
      });
    });
    // the success reset the counter: two more failures do not block under the default threshold (10)
    await attempt('wrong').expect(401);
    await attempt('wrong').expect(401);
    await attempt(password).expect(200);
    await withSettings(
      { Block_Multiple_Failed_Logins_Attempts_Until_Block_by_User: 1, Block_Multiple_Failed_Logins_Enabled: false },
      async () => {
        // failures are not even recorded while blocking is off
        await attempt('wrong').expect(401);
        await attempt(password).expect(200);
      },
    );
  });

  it('Accounts_CustomFields: fields are validated and stored only while defined', async () => {
    const { user } = await createUser();
    const h = await adminWith2fa();
    const definition = JSON.stringify({ team: { type: 'select', options: ['red', 'blue'], required: true } });
    await withSettings({ Accounts_CustomFields: definition }, async () => {
      const bad = await post('users.update', h, { userId: user._id, data: { customFields: { team: 'green' } } }).expect(
        400,
      );
      expect(bad.body.errorType).toBe('error-user-registration-custom-field');
      const ok = await post('users.update', h, {
        userId: user._id,
        data: { customFields: { team: 'red', other: 'dropped' } },
      }).expect(200);
      expect(ok.body.user.customFields).toEqual({ team: 'red' });
    });
    // no definition: custom fields are not saved at all
    const ignored = await post('users.update', h, { userId: user._id, data: { customFields: { team: 'green' } } });
    expect(ignored.status).toBe(200);
    expect(ignored.body.user.customFields).toEqual({ team: 'red' });
  });

  it('FileUpload_MaxFileSize: the avatar upload limit follows it', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const { credentials } = await createUserAndLogin();
    const upload = () =>
      request()
        .post('/api/v1/users.setAvatar')
        .set({ ...credentials.headers })
        .attach('image', png, { filename: 'a.png', contentType: 'image/png' });
    await withSettings({ FileUpload_MaxFileSize: 50 }, async () => {
      const res = await upload().expect(400);
      expect(res.body).toEqual({
        success: false,
        error: 'File exceeds allowed size of 50 bytes. [error-file-too-large]',
        errorType: 'error-file-too-large',
      });
    });
    await upload().expect(200);
  });

  it('OVERWRITE_SETTING_* wins again at the next start', async () => {
    const id = 'API_Enable_Rate_Limiter_Limit_Calls_Default';
    expect(await getSetting(id)).toBe(E2E_RATE_LIMIT);
    await setSetting(id, E2E_RATE_LIMIT - 1);
    expect(await getSetting(id)).toBe(E2E_RATE_LIMIT - 1);
    await restartApp('users-rooms', 0);
    expect(await getSetting(id)).toBe(E2E_RATE_LIMIT);
  }, 90_000);
});
