/**
 * users.*, presence, status and preferences: users.presence, users.getPresence, users.getPreferences,
 * users.setPreferences, users.getUsernameSuggestion, users.setStatus, users.getStatus, /me preferences and
 * users.info for oneself.
 */
import { adminHeaders, createUser, createUserAndLogin, get, NOT_LOGGED_IN, post, request, unique } from './helpers/api';
import { withSettings } from './helpers/settings';

describe('GET /api/v1/users.presence', () => {
  it('lists users who are not offline, all or by id', async () => {
    const { credentials } = await createUserAndLogin();
    const all = await get('users.presence', credentials.headers).expect(200);
    expect(all.body.full).toBe(true);
    expect(all.body.users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ _id: 'rocket.cat', username: 'rocket.cat', status: 'online' }),
      ]),
    );
    const byId = await get('users.presence', credentials.headers, { ids: `rocket.cat,${credentials.userId}` });
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual({ success: true, full: false, users: [expect.objectContaining({ _id: 'rocket.cat' })] });
  });

  it('with a recent `from`, lists only users changed since', async () => {
    const { credentials } = await createUserAndLogin();
    const from = new Date(Date.now() - 1000).toISOString();
    const changed = await createUser();
    const res = await get('users.presence', credentials.headers, { from }).expect(200);
    expect(res.body.full).toBe(false);
    const ids = res.body.users.map((u: { _id: string }) => u._id);
    expect(ids).toContain(changed.user._id);
    expect(ids).not.toContain('rocket.cat');
  });

  it('needs a login and is a GET route', async () => {
    await request().get('/api/v1/users.presence').expect(401);
    await post('users.presence', await adminHeaders(), {}).expect(405);
  });
});

describe('GET /api/v1/users.getPresence', () => {
  it('answers the caller’s presence with connection status and last login', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await get('users.getPresence', credentials.headers).expect(200);
    expect(res.body).toEqual({
      success: true,
      presence: 'offline',
      connectionStatus: 'offline',
      lastLogin: expect.any(String),
    });
  });

  it('answers only the presence of another user', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await get('users.getPresence', credentials.headers, { username: 'rocket.cat' }).expect(200);
    expect(res.body).toEqual({ success: true, presence: 'online' });
  });

  it('refuses an unknown user and needs a login', async () => {
    const res = await get('users.getPresence', await adminHeaders(), { userId: 'nobody' }).expect(400);
    expect(res.body.errorType).toBe('error-invalid-user');
    await request().get('/api/v1/users.getPresence').expect(401);
  });
});

describe('users.getPreferences / users.setPreferences', () => {
  it('answers Rocket.Chat’s defaults under the user’s own preferences', async () => {
    const { credentials } = await createUserAndLogin();
    const initial = await get('users.getPreferences', credentials.headers).expect(200);
    expect(initial.body.preferences).toEqual(
      expect.objectContaining({ useEmojis: true, sidebarViewMode: 'medium', emailNotificationMode: 'mentions' }),
    );
    const saved = await post('users.setPreferences', credentials.headers, {
      data: { useEmojis: false, language: 'de', emailNotificationMode: 'disabled', highlights: ['deploy'] },
    }).expect(200);
    expect(saved.body.user).toEqual({
      _id: credentials.userId,
      settings: {
        preferences: expect.objectContaining({
          useEmojis: false,
          language: 'de',
          emailNotificationMode: 'nothing',
          highlights: ['deploy'],
        }),
      },
    });
    const after = await get('users.getPreferences', credentials.headers).expect(200);
    expect(after.body.preferences).toEqual(
      expect.objectContaining({ useEmojis: false, sidebarViewMode: 'medium', language: 'de' }),
    );
  });

  it('refuses unknown preference keys and wrong types', async () => {
    const { credentials } = await createUserAndLogin();
    const unknown = await post('users.setPreferences', credentials.headers, { data: { favouriteColour: 'red' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      success: false,
      error: 'must NOT have additional properties [invalid-params]',
      errorType: 'invalid-params',
    });
    const wrong = await post('users.setPreferences', credentials.headers, { data: { useEmojis: 'maybe' } });
    expect(wrong.body.error).toBe('must be boolean [invalid-params]');
    const missing = await post('users.setPreferences', credentials.headers, {}).expect(400);
    expect(missing.body.errorType).toBe('invalid-params');
  });

  it('others’ preferences need edit-other-user-info', async () => {
    const { credentials } = await createUserAndLogin();
    const other = await createUser();
    const res = await post('users.setPreferences', credentials.headers, {
      userId: other.user._id,
      data: { useEmojis: false },
    }).expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'Editing user is not allowed [error-action-not-allowed]',
      errorType: 'error-action-not-allowed',
    });
    const byAdmin = await post('users.setPreferences', await adminHeaders(), {
      userId: other.user._id,
      data: { useEmojis: false },
    }).expect(200);
    expect(byAdmin.body.user._id).toBe(other.user._id);
    const unknown = await post('users.setPreferences', await adminHeaders(), { userId: 'nobody', data: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errorType).toBe('error-invalid-user');
  });

  it('needs a login', async () => {
    await request().get('/api/v1/users.getPreferences').expect(401);
    await request().post('/api/v1/users.setPreferences').send({ data: {} }).expect(401);
  });
});

describe('GET /api/v1/users.getUsernameSuggestion', () => {
  it('derives a free, valid username from the caller’s name', async () => {
    const token = unique('q').split('.').slice(1).join('');
    const { credentials } = await createUserAndLogin({ name: `Pat Zq${token}` });
    const first = await get('users.getUsernameSuggestion', credentials.headers).expect(200);
    expect(first.body).toEqual({ success: true, result: `pat.zq${token}` });
    await createUser({ username: `pat.zq${token}` });
    const second = await get('users.getUsernameSuggestion', credentials.headers).expect(200);
    expect(second.body.result).toBe(`pzq${token}`);
    expect(second.body.result).toMatch(/^[0-9a-zA-Z-_.]+$/);
  });

  it('falls back to a numbered name', async () => {
    const { credentials } = await createUserAndLogin({ name: '!!!' });
    const res = await get('users.getUsernameSuggestion', credentials.headers).expect(200);
    expect(res.body.result).toMatch(/^user-\d+$/);
  });

  it('needs a login and is a GET route', async () => {
    await request().get('/api/v1/users.getUsernameSuggestion').expect(401);
    await post('users.getUsernameSuggestion', await adminHeaders(), {}).expect(405);
  });
});

describe('users.setPreferences accepts every key of the 7.x schema', () => {
  it('stores each of them, idleTimeLimit included', async () => {
    const { credentials } = await createUserAndLogin();
    const data = {
      newRoomNotification: 'door',
      newMessageNotification: 'chime',
      clockMode: 2,
      useEmojis: false,
      convertAsciiEmoji: false,
      alsoSendThreadToChannel: 'always',
      saveMobileBandwidth: false,
      collapseMediaByDefault: true,
      autoImageLoad: false,
      emailNotificationMode: 'nothing',
      unreadAlert: false,
      masterVolume: 80,
      notificationsSoundVolume: 50,
      voipRingerVolume: 40,
      desktopNotifications: 'mentions',
      pushNotifications: 'nothing',
      enableAutoAway: false,
      highlights: ['release'],
      showThreadsInMainChannel: true,
      desktopNotificationRequireInteraction: true,
      hideUsernames: true,
      hideRoles: true,
      displayAvatars: false,
      hideFlexTab: true,
      sendOnEnter: 'desktop',
      language: 'pt-BR',
      sidebarShowFavorites: false,
      sidebarShowUnread: true,
      sidebarSortby: 'alphabetical',
      sidebarViewMode: 'condensed',
      sidebarDisplayAvatar: false,
      sidebarGroupByType: false,
      muteFocusedConversations: false,
      dontAskAgainList: [{ action: 'clean-history', label: 'Clean history' }],
      featuresPreview: [{ name: 'quickReactions', value: true }],
      themeAppearence: 'dark',
      fontSize: '18px',
      receiveLoginDetectionEmail: false,
      notifyCalendarEvents: false,
      idleTimeLimit: 600,
      idleTimeLimitH: 0,
      idleTimeLimitM: 10,
      idleTimeLimitS: 0,
      omnichannelTranscriptEmail: true,
      omnichannelTranscriptPDF: true,
      omnichannelHideConversationAfterClosing: false,
      enableMobileRinging: true,
      mentionsWithSymbol: true,
    };
    const res = await post('users.setPreferences', credentials.headers, { data }).expect(200);
    expect(res.body.user.settings.preferences).toEqual(expect.objectContaining(data));
    const stored = await get('users.getPreferences', credentials.headers).expect(200);
    expect(stored.body.preferences).toEqual(expect.objectContaining(data));
  });

  it('refuses a wrong type for idleTimeLimit and a value outside alsoSendThreadToChannel', async () => {
    const { credentials } = await createUserAndLogin();
    const idle = await post('users.setPreferences', credentials.headers, { data: { idleTimeLimit: 'soon' } });
    expect([idle.status, idle.body.errorType]).toEqual([400, 'invalid-params']);
    const thread = await post('users.setPreferences', credentials.headers, {
      data: { alsoSendThreadToChannel: 'sometimes' },
    });
    expect([thread.status, thread.body.errorType]).toEqual([400, 'invalid-params']);
  });
});

describe('GET /api/v1/me preferences', () => {
  it('holds every preference, defaults from Accounts_Default_User_Preferences_* under the user’s own', async () => {
    const { credentials } = await createUserAndLogin();
    await post('users.setPreferences', credentials.headers, { data: { useEmojis: false } }).expect(200);
    const me = await get('me', credentials.headers).expect(200);
    expect(me.body.settings.preferences).toEqual(
      expect.objectContaining({
        useEmojis: false,
        idleTimeLimit: 300,
        enableAutoAway: true,
        sidebarViewMode: 'medium',
        sidebarSortby: 'activity',
        emailNotificationMode: 'mentions',
        themeAppearence: 'auto',
        sendOnEnter: 'normal',
        convertAsciiEmoji: true,
        featuresPreview: [],
      }),
    );
    expect(me.headers['content-type']).toBe('application/json');
  });

  it('follows a changed default at once, and never overrides the user’s own choice', async () => {
    const { credentials } = await createUserAndLogin();
    await post('users.setPreferences', credentials.headers, { data: { sidebarSortby: 'activity' } }).expect(200);
    await withSettings(
      {
        Accounts_Default_User_Preferences_sidebarViewMode: 'condensed',
        Accounts_Default_User_Preferences_sidebarSortby: 'alphabetical',
      },
      async () => {
        const me = await get('me', credentials.headers).expect(200);
        expect(me.body.settings.preferences).toMatchObject({ sidebarViewMode: 'condensed', sidebarSortby: 'activity' });
      },
    );
    const after = await get('me', credentials.headers).expect(200);
    expect(after.body.settings.preferences.sidebarViewMode).toBe('medium');
  });

  it('needs a login', async () => {
    expect((await request().get('/api/v1/me').expect(401)).body).toEqual(NOT_LOGGED_IN);
    await get('me', { 'X-User-Id': 'nobody', 'X-Auth-Token': 'nothing' }).expect(401);
  });
});

describe('GET /api/v1/users.info for oneself', () => {
  it('shows the account’s services with every secret masked', async () => {
    const { user, credentials } = await createUserAndLogin();
    const res = await get('users.info', credentials.headers, { userId: user._id }).expect(200);
    expect(res.body.user.services).toEqual({
      password: true,
      resume: {},
      ...(res.body.user.services.email2fa ? { email2fa: { enabled: false } } : {}),
      ...(res.body.user.services.email ? { email: {} } : {}),
    });
    expect(JSON.stringify(res.body)).not.toContain(credentials.authToken);
    expect(JSON.stringify(res.body)).not.toContain('$2');
  });

  it('never shows services of another user, to an admin neither', async () => {
    const { user } = await createUserAndLogin();
    const byAdmin = await get('users.info', await adminHeaders(), { userId: user._id }).expect(200);
    expect(byAdmin.body.user.services).toBeUndefined();
    const { credentials } = await createUserAndLogin();
    const byOther = await get('users.info', credentials.headers, { userId: user._id }).expect(200);
    expect(byOther.body.user.services).toBeUndefined();
    expect(byOther.body.user.emails).toBeUndefined();
  });
});

describe('users.setStatus / users.getStatus', () => {
  it('sets the caller’s status and message; getStatus answers it with the connection status', async () => {
    const { user, credentials } = await createUserAndLogin();
    await post('users.setStatus', credentials.headers, { status: 'busy', message: 'in a meeting' }).expect(200);
    const mine = await get('users.getStatus', credentials.headers).expect(200);
    expect(mine.body).toEqual({ success: true, _id: user._id, status: 'busy', connectionStatus: 'offline' });
    const info = await get('users.info', credentials.headers, { userId: user._id }).expect(200);
    expect(info.body.user).toMatchObject({ status: 'busy', statusText: 'in a meeting' });
    await post('users.setStatus', credentials.headers, { message: 'back soon' }).expect(200);
    const other = await createUserAndLogin();
    const seen = await get('users.getStatus', other.credentials.headers, { userId: user._id }).expect(200);
    expect(seen.body).toEqual({ success: true, _id: user._id, status: 'busy' });
    const byName = await get('users.getStatus', other.credentials.headers, { username: user.username }).expect(200);
    expect(byName.body._id).toBe(user._id);
  });

  it('lets editors of other users set someone else’s status, no one else', async () => {
    const target = await createUser();
    const { credentials } = await createUserAndLogin();
    const refused = await post('users.setStatus', credentials.headers, {
      userId: target.user._id,
      status: 'away',
    }).expect(403);
    expect(refused.body).toEqual({ success: false, error: 'unauthorized' });
    await post('users.setStatus', await adminHeaders(), { userId: target.user._id, status: 'away' }).expect(200);
    const seen = await get('users.getStatus', credentials.headers, { userId: target.user._id }).expect(200);
    expect(seen.body.status).toBe('away');
  });

  it('refuses an unknown status, an empty body and unknown keys', async () => {
    const { credentials } = await createUserAndLogin();
    const bad = await post('users.setStatus', credentials.headers, { status: 'sleeping' }).expect(400);
    expect(bad.body).toEqual({
      success: false,
      error: 'Valid status types include online, away, offline, and busy. [error-invalid-status]',
      errorType: 'error-invalid-status',
      details: { method: 'users.setStatus' },
    });
    const empty = await post('users.setStatus', credentials.headers, {}).expect(400);
    expect(empty.body.errorType).toBe('invalid-params');
    const extra = await post('users.setStatus', credentials.headers, { status: 'away', mood: 'ok' }).expect(400);
    expect(extra.body.errorType).toBe('invalid-params');
  });

  it('follows Accounts_AllowUserStatusMessageChange and Accounts_AllowInvisibleStatusOption', async () => {
    const { credentials } = await createUserAndLogin();
    await withSettings({ Accounts_AllowUserStatusMessageChange: false }, async () => {
      const res = await post('users.setStatus', credentials.headers, { message: 'x' }).expect(400);
      expect(res.body.error).toBe('Change status is not allowed [error-not-allowed]');
    });
    await withSettings({ Accounts_AllowInvisibleStatusOption: false }, async () => {
      const res = await post('users.setStatus', credentials.headers, { status: 'offline' }).expect(400);
      expect(res.body.errorType).toBe('error-status-not-allowed');
    });
    await post('users.setStatus', credentials.headers, { status: 'offline' }).expect(200);
  });

  it('getStatus refuses an unknown user; both need a login', async () => {
    const { credentials } = await createUserAndLogin();
    const unknown = await get('users.getStatus', credentials.headers, { userId: 'nobody' }).expect(400);
    expect(unknown.body.errorType).toBe('error-invalid-user');
    await request().get('/api/v1/users.getStatus').expect(401);
    await request().post('/api/v1/users.setStatus').send({ status: 'away' }).expect(401);
  });
});
