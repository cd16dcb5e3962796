/**
 * pw.getPolicy, pw.getPolicyReset and the password policy (`Accounts_Password_Policy_*`) on every password
 * change: users.register, users.create, users.update and users.updateOwnBasicInfo.
 */
import { adminWith2fa, createUser, createUserAndLogin, get, login, post, request, sha256, unique } from './helpers/api';
import { decodeQp, Mailbox } from './helpers/mailbox';
import { withSettings } from './helpers/settings';

const NOT_MET = "The password provided does not meet the server's password policy. [error-password-policy-not-met]";
const STRICT = {
  Accounts_Password_Policy_Enabled: true,
  Accounts_Password_Policy_MinLength: 10,
  Accounts_Password_Policy_MaxLength: 30,
};
/** meets the default rules plus STRICT */
const GOOD = 'Strong-pass-42';
/** too short, no upper case, no special character */
const WEAK = 'weak1';

const mailbox = new Mailbox();

beforeAll(async () => {
  await mailbox.start();
});

afterAll(async () => {
  await mailbox.stop();
});

describe('GET /api/v1/pw.getPolicy', () => {
  it('answers a disabled policy with no rules by default', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await get('pw.getPolicy', credentials.headers).expect(200);
    expect(res.body).toEqual({ success: true, enabled: false, policy: [] });
    expect(res.headers['content-type']).toBe('application/json');
  });

  it('lists the rules in force, following the settings at once', async () => {
    const { credentials } = await createUserAndLogin();
    await withSettings(STRICT, async () => {
      const res = await get('pw.getPolicy', credentials.headers).expect(200);
      expect(res.body).toEqual({
        success: true,
        enabled: true,
        policy: [
          ['get-password-policy-minLength', { minLength: 10 }],
          ['get-password-policy-maxLength', { maxLength: 30 }],
          ['get-password-policy-forbidRepeatingCharacters'],
          ['get-password-policy-forbidRepeatingCharactersCount', { forbidRepeatingCharactersCount: 3 }],
          ['get-password-policy-mustContainAtLeastOneLowercase'],
          ['get-password-policy-mustContainAtLeastOneUppercase'],
          ['get-password-policy-mustContainAtLeastOneNumber'],
          ['get-password-policy-mustContainAtLeastOneSpecialCharacter'],
        ],
      });
      await withSettings(
        { Accounts_Password_Policy_MaxLength: -1, Accounts_Password_Policy_AtLeastOneSpecialCharacter: false },
        async () => {
          const fewer = await get('pw.getPolicy', credentials.headers).expect(200);
          const keys = (fewer.body.policy as [string][]).map(([key]) => key);
          expect(keys).not.toContain('get-password-policy-maxLength');
          expect(keys).not.toContain('get-password-policy-mustContainAtLeastOneSpecialCharacter');
          expect(keys).toContain('get-password-policy-minLength');
        },
      );
    });
  });

  it('needs a login and takes no parameters', async () => {
    await request().get('/api/v1/pw.getPolicy').expect(401);
    const { credentials } = await createUserAndLogin();
    const extra = await get('pw.getPolicy', credentials.headers, { token: 'x' }).expect(400);
    expect(extra.body.errorType).toBe('invalid-params');
  });
});

describe('GET /api/v1/pw.getPolicyReset', () => {
  it('answers the policy to the holder of a live reset link, without a login', async () => {
    const { user } = await createUser();
    const email = `${user.username}@e2e.test`;
    await request().post('/api/v1/users.forgotPassword').send({ email }).expect(200);
    const mail = await mailbox.waitFor(email, /reset-password/);
    const token = /\/reset-password\/([A-Za-z0-9_-]{43})(?![\w-])/.exec(decodeQp(mail.raw))![1];
    await withSettings(STRICT, async () => {
      const res = await request().get('/api/v1/pw.getPolicyReset').query({ token }).expect(200);
      expect(res.body).toMatchObject({ success: true, enabled: true });
      expect(res.body.policy[0]).toEqual(['get-password-policy-minLength', { minLength: 10 }]);
    });
  });

  it('refuses an unknown token (403) and a missing one (400)', async () => {
    const unknown = await request().get('/api/v1/pw.getPolicyReset').query({ token: 'not-a-token' }).expect(403);
    expect(unknown.body).toEqual({ success: false, error: 'unauthorized' });
    const missing = await request().get('/api/v1/pw.getPolicyReset').expect(400);
    expect(missing.body.errorType).toBe('invalid-params');
    const extra = await request().get('/api/v1/pw.getPolicyReset').query({ token: 'x', user: 'y' }).expect(400);
    expect(extra.body.errorType).toBe('invalid-params');
  });
});

describe('the password policy on every password change', () => {
  const notMet = (reasons: string[]) => ({
    success: false,
    error: NOT_MET,
    errorType: 'error-password-policy-not-met',
    details: reasons.map((error) => ({ error: `error-password-policy-not-met-${error}`, message: expect.any(String) })),
  });

  it('users.register and users.create refuse a weak password with every broken rule, accept a good one', async () => {
    await withSettings(STRICT, async () => {
      const username = unique('e2e.pw');
      const reg = await request()
        .post('/api/v1/users.register')
        .send({ username, email: `${username}@e2e.test`, pass: WEAK, name: 'Pw' })
        .expect(400);
      expect(reg.body).toEqual(notMet(['minLength', 'oneUppercase', 'oneSpecial']));
      await request()
        .post('/api/v1/users.register')
        .send({ username, email: `${username}@e2e.test`, pass: GOOD, name: 'Pw' })
        .expect(200);
      await login(username, GOOD);
      const other = unique('e2e.pw');
      const created = await post('users.create', await adminWith2fa(), {
        username: other,
        email: `${other}@e2e.test`,
        name: 'Pw',
        password: 'aaaa-AAAA-1111',
      }).expect(400);
      expect(created.body).toEqual(notMet(['repeatingCharacters']));
      await post('users.create', await adminWith2fa(), {
        username: other,
        email: `${other}@e2e.test`,
        name: 'Pw',
        password: GOOD,
      }).expect(200);
    });
  });

  it('users.update and users.updateOwnBasicInfo refuse a weak password and keep the old one', async () => {
    const { user, password, credentials } = await createUserAndLogin();
    await withSettings(STRICT, async () => {
      const byAdmin = await post('users.update', await adminWith2fa(), {
        userId: user._id,
        data: { password: WEAK },
      }).expect(400);
      expect(byAdmin.body.errorType).toBe('error-password-policy-not-met');
      const own = await post('users.updateOwnBasicInfo', credentials.headers, {
        data: { currentPassword: sha256(password), newPassword: 'x'.repeat(31) },
      }).expect(400);
      expect(own.body.details.map((r: { error: string }) => r.error)).toEqual(
        expect.arrayContaining(['error-password-policy-not-met-maxLength']),
      );
      await login(user.username, password);
      await post('users.updateOwnBasicInfo', credentials.headers, {
        data: { currentPassword: sha256(password), newPassword: GOOD },
      }).expect(200);
      await login(user.username, GOOD);
    });
    // the policy off again: a short password is fine; a blank one is ignored, as Rocket.Chat's saveUser does
    await post('users.update', await adminWith2fa(), { userId: user._id, data: { password: WEAK } }).expect(200);
    await login(user.username, WEAK);
    await post('users.update', await adminWith2fa(), { userId: user._id, data: { password: '   ' } }).expect(200);
    await login(user.username, WEAK);
  });

  it('setRandomPassword generates a password the policy accepts', async () => {
    const { user } = await createUser();
    await withSettings(STRICT, async () => {
      const res = await post('users.update', await adminWith2fa(), {
        userId: user._id,
        data: { setRandomPassword: true },
      }).expect(200);
      expect(res.body.user.requirePasswordChange).toBe(true);
    });
  });
});
