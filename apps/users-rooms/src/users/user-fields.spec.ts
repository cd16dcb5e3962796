import { maskedServices } from './user-fields';

describe('maskedServices (users.info for oneself)', () => {
  it('says which services the account has, every secret masked', () => {
    const masked = maskedServices({
      password: { bcrypt: '$2b$10$hash', reset: { token: 'reset-token' } },
      resume: { loginTokens: [{ hashedToken: 'h', when: new Date() }] },
      totp: { enabled: true, secret: 'totp-secret', hashedBackup: ['b'] },
      email2fa: { enabled: false, changedAt: new Date() },
      email: { verificationTokens: [{ token: 't', address: 'a@b.c', when: new Date() }] },
      google: {
        id: 'g-1',
        email: 'a@gmail.example',
        picture: 'https://p',
        accessToken: 'G-ACCESS',
        refreshToken: 'G-REFRESH',
        idToken: 'G-ID-TOKEN',
      },
      twitter: { id: 't-1', screenName: 'ada', accessTokenSecret: 'T-SECRET', accessToken: 'T-ACCESS' },
    } as never);
    expect(masked).toEqual({
      password: true,
      resume: {},
      totp: { enabled: true },
      email2fa: { enabled: false },
      email: {},
      google: { id: 'g-1', email: 'a@gmail.example', picture: 'https://p' },
      twitter: { id: 't-1', screenName: 'ada' },
    });
    for (const secret of [
      '$2b$10$hash',
      'reset-token',
      'totp-secret',
      'G-ACCESS',
      'G-REFRESH',
      'G-ID-TOKEN',
      'T-SECRET',
      'T-ACCESS',
    ]) {
      expect(JSON.stringify(masked)).not.toContain(secret);
    }
  });

  it('is empty for an account without services', () => {
    expect(maskedServices(undefined)).toEqual({});
    expect(maskedServices({ password: undefined })).toEqual({});
  });
});
