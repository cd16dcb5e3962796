import { RcError } from '@app/envelope';
import {
  assertPasswordMeetsPolicy,
  describePolicy,
  generatePassword,
  PasswordPolicy,
  passwordPolicyFrom,
  policyViolations,
} from './password-policy';

/** Rocket.Chat's defaults, switched on. */
const STRICT: PasswordPolicy = {
  enabled: true,
  minLength: 7,
  maxLength: -1,
  forbidRepeatingCharacters: true,
  forbidRepeatingCharactersCount: 3,
  mustContainAtLeastOneLowercase: true,
  mustContainAtLeastOneUppercase: true,
  mustContainAtLeastOneNumber: true,
  mustContainAtLeastOneSpecialCharacter: true,
};

const errors = (policy: PasswordPolicy, password: string) =>
  policyViolations(policy, password).map((r) => r.error.replace('error-password-policy-not-met-', ''));

describe('password policy', () => {
  it('reads the settings, a value of the wrong type counting as off', () => {
    const policy = passwordPolicyFrom({
      Accounts_Password_Policy_Enabled: true,
      Accounts_Password_Policy_MinLength: 12,
      Accounts_Password_Policy_MaxLength: 'long',
      Accounts_Password_Policy_AtLeastOneNumber: 'yes',
    });
    expect(policy).toMatchObject({ enabled: true, minLength: 12, maxLength: -1, mustContainAtLeastOneNumber: false });
    expect(passwordPolicyFrom({}).enabled).toBe(false);
  });

  it('lists every rule a password breaks', () => {
    expect(errors(STRICT, 'Good-pass-1')).toEqual([]);
    expect(errors(STRICT, 'ab')).toEqual(['minLength', 'oneUppercase', 'oneNumber', 'oneSpecial']);
    expect(errors(STRICT, 'AAAA-bbb-1')).toEqual(['repeatingCharacters']);
    // three in a row are allowed with a count of 3, four are not
    expect(errors(STRICT, 'AAA-bbb-1')).toEqual([]);
    expect(errors({ ...STRICT, maxLength: 8 }, 'Good-pass-1')).toEqual(['maxLength']);
    expect(errors({ ...STRICT, enabled: false }, 'a')).toEqual([]);
    expect(errors({ ...STRICT, forbidRepeatingCharacters: false }, 'AAAAAA-b1')).toEqual([]);
  });

  it('always refuses a blank password, and lists the broken rules in details', () => {
    expect(() => assertPasswordMeetsPolicy({ ...STRICT, enabled: false }, '   ')).toThrow(RcError);
    expect(() => assertPasswordMeetsPolicy({ ...STRICT, enabled: false }, 42)).toThrow(RcError);
    expect(() => assertPasswordMeetsPolicy({ ...STRICT, enabled: false }, 'x')).not.toThrow();
    try {
      assertPasswordMeetsPolicy(STRICT, 'short');
      throw new Error('not refused');
    } catch (err) {
      expect(err).toBeInstanceOf(RcError);
      expect((err as RcError).payload.errorType).toBe('error-password-policy-not-met');
      expect((err as RcError).payload.details).toEqual([
        expect.objectContaining({ error: 'error-password-policy-not-met-minLength' }),
        expect.objectContaining({ error: 'error-password-policy-not-met-oneUppercase' }),
        expect.objectContaining({ error: 'error-password-policy-not-met-oneNumber' }),
        expect.objectContaining({ error: 'error-password-policy-not-met-oneSpecial' }),
      ]);
    }
  });

  it('describes the rules in force as pw.getPolicy lists them', () => {
    expect(describePolicy({ ...STRICT, enabled: false })).toEqual({ enabled: false, policy: [] });
    expect(describePolicy({ ...STRICT, maxLength: 20, mustContainAtLeastOneSpecialCharacter: false })).toEqual({
      enabled: true,
      policy: [
        ['get-password-policy-minLength', { minLength: 7 }],
        ['get-password-policy-maxLength', { maxLength: 20 }],
        ['get-password-policy-forbidRepeatingCharacters'],
        ['get-password-policy-forbidRepeatingCharactersCount', { forbidRepeatingCharactersCount: 3 }],
        ['get-password-policy-mustContainAtLeastOneLowercase'],
        ['get-password-policy-mustContainAtLeastOneUppercase'],
        ['get-password-policy-mustContainAtLeastOneNumber'],
      ],
    });
  });

  it('generates passwords the policy accepts', () => {
    const random = (n: number) => 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(4).slice(0, n);
    for (const policy of [STRICT, { ...STRICT, minLength: 30 }, { ...STRICT, maxLength: 10 }]) {
      const password = generatePassword(policy, random);
      expect([password, errors(policy, password)]).toEqual([password, []]);
    }
  });
});
