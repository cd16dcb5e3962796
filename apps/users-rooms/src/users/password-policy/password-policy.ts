import { RcError } from '@app/envelope';

/** Rocket.Chat's password policy (the `Accounts_Password_Policy_*` settings). */
export interface PasswordPolicy {
  enabled: boolean;
  /** -1 or 0: no minimum */
  minLength: number;
  /** -1 or 0: no maximum */
  maxLength: number;
  forbidRepeatingCharacters: boolean;
  /** a run longer than this of one character is refused */
  forbidRepeatingCharactersCount: number;
  mustContainAtLeastOneLowercase: boolean;
  mustContainAtLeastOneUppercase: boolean;
  mustContainAtLeastOneNumber: boolean;
  mustContainAtLeastOneSpecialCharacter: boolean;
}

/** The setting behind each field. */
export const PASSWORD_POLICY_SETTINGS = {
  enabled: 'Accounts_Password_Policy_Enabled',
  minLength: 'Accounts_Password_Policy_MinLength',
  maxLength: 'Accounts_Password_Policy_MaxLength',
  forbidRepeatingCharacters: 'Accounts_Password_Policy_ForbidRepeatingCharacters',
  forbidRepeatingCharactersCount: 'Accounts_Password_Policy_ForbidRepeatingCharactersCount',
  mustContainAtLeastOneLowercase: 'Accounts_Password_Policy_AtLeastOneLowercase',
  mustContainAtLeastOneUppercase: 'Accounts_Password_Policy_AtLeastOneUppercase',
  mustContainAtLeastOneNumber: 'Accounts_Password_Policy_AtLeastOneNumber',
  mustContainAtLeastOneSpecialCharacter: 'Accounts_Password_Policy_AtLeastOneSpecialCharacter',
} as const satisfies Record<keyof PasswordPolicy, string>;

/** The policy from settings values (a value of the wrong type counts as off / no limit). */
export function passwordPolicyFrom(values: Record<string, unknown>): PasswordPolicy {
  const bool = (k: keyof PasswordPolicy) => values[PASSWORD_POLICY_SETTINGS[k]] === true;
  const num = (k: keyof PasswordPolicy, fallback: number) => {
    const v = values[PASSWORD_POLICY_SETTINGS[k]];
    return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
  };
  return {
    enabled: bool('enabled'),
    minLength: num('minLength', -1),
    maxLength: num('maxLength', -1),
    forbidRepeatingCharacters: bool('forbidRepeatingCharacters'),
    forbidRepeatingCharactersCount: num('forbidRepeatingCharactersCount', 3),
    mustContainAtLeastOneLowercase: bool('mustContainAtLeastOneLowercase'),
    mustContainAtLeastOneUppercase: bool('mustContainAtLeastOneUppercase'),
    mustContainAtLeastOneNumber: bool('mustContainAtLeastOneNumber'),
    mustContainAtLeastOneSpecialCharacter: bool('mustContainAtLeastOneSpecialCharacter'),
  };
}

export type PolicyRule = [string, Record<string, number>?];

/** pw.getPolicy: `enabled` and the rules in force, as Rocket.Chat lists them (i18n keys with their limits). */
export function describePolicy(policy: PasswordPolicy): { enabled: boolean; policy: PolicyRule[] } {
  if (!policy.enabled) {
    return { enabled: false, policy: [] };
  }
  const rules: PolicyRule[] = [];
  if (policy.minLength >= 1) {
    rules.push(['get-password-policy-minLength', { minLength: policy.minLength }]);
  }
  if (policy.maxLength >= 1) {
    rules.push(['get-password-policy-maxLength', { maxLength: policy.maxLength }]);
  }
  if (policy.forbidRepeatingCharacters) {
    rules.push(['get-password-policy-forbidRepeatingCharacters']);
  }
  if (policy.forbidRepeatingCharactersCount) {
    rules.push([
      'get-password-policy-forbidRepeatingCharactersCount',
      { forbidRepeatingCharactersCount: policy.forbidRepeatingCharactersCount },
    ]);
  }
  const flags: [keyof PasswordPolicy, string][] = [
    ['mustContainAtLeastOneLowercase', 'get-password-policy-mustContainAtLeastOneLowercase'],
    ['mustContainAtLeastOneUppercase', 'get-password-policy-mustContainAtLeastOneUppercase'],
    ['mustContainAtLeastOneNumber', 'get-password-policy-mustContainAtLeastOneNumber'],
    ['mustContainAtLeastOneSpecialCharacter', 'get-password-policy-mustContainAtLeastOneSpecialCharacter'],
  ];
  for (const [flag, key] of flags) {
    if (policy[flag]) {
      rules.push([key]);
    }
  }
  return { enabled: true, policy: rules };
}

export interface PolicyReason {
  error: string;
  message: string;
}

/** Every rule the password breaks (an empty list: it meets the policy). */
export function policyViolations(policy: PasswordPolicy, password: string): PolicyReason[] {
  const reasons: PolicyReason[] = [];
  if (!policy.enabled) {
    return reasons;
  }
  const add = (error: string, message: string) =>
    reasons.push({ error: `error-password-policy-not-met-${error}`, message });
  if (policy.minLength >= 1 && password.length < policy.minLength) {
    add('minLength', 'The password does not meet the minimum length password policy.');
  }
  if (policy.maxLength >= 1 && password.length > policy.maxLength) {
    add('maxLength', 'The password does not meet the maximum length password policy.');
  }
  if (
    policy.forbidRepeatingCharacters &&
    new RegExp(`(.)\\1{${Math.max(0, Math.floor(policy.forbidRepeatingCharactersCount))},}`).test(password)
  ) {
    add('repeatingCharacters', 'The password contains repeating characters which is against the password policy.');
  }
  if (policy.mustContainAtLeastOneLowercase && !/[a-z]/.test(password)) {
    add(
      'oneLowercase',
      'The password does not contain at least one lowercase character which is against the password policy.',
    );
  }
  if (policy.mustContainAtLeastOneUppercase && !/[A-Z]/.test(password)) {
    add(
      'oneUppercase',
      'The password does not contain at least one uppercase character which is against the password policy.',
    );
  }
  if (policy.mustContainAtLeastOneNumber && !/[0-9]/.test(password)) {
    add(
      'oneNumber',
      'The password does not contain at least one numerical character which is against the password policy.',
    );
  }
  if (policy.mustContainAtLeastOneSpecialCharacter && !/[^A-Za-z0-9 ]/.test(password)) {
    add(
      'oneSpecial',
      'The password does not contain at least one special character which is against the password policy.',
    );
  }
  return reasons;
}

const NOT_MET = "The password provided does not meet the server's password policy.";

/**
 * Rocket.Chat's passwordPolicy.validate: a blank password is always refused; with the policy on, every broken
 * rule is listed in `details` (`[{error, message}]`).
 */
export function assertPasswordMeetsPolicy(policy: PasswordPolicy, password: unknown): void {
  if (typeof password !== 'string' || !password.trim()) {
    throw RcError.failure('error-password-policy-not-met', NOT_MET);
  }
  const reasons = policyViolations(policy, password);
  if (reasons.length) {
    throw RcError.failure('error-password-policy-not-met', NOT_MET, reasons);
  }
}

/** A random password that meets the policy (users.update `setRandomPassword`). */
export function generatePassword(policy: PasswordPolicy, random: (n: number) => string): string {
  const length = Math.max(policy.enabled ? policy.minLength : 0, 12);
  const cap = policy.enabled && policy.maxLength > 0 ? policy.maxLength : Number.MAX_SAFE_INTEGER;
  for (let i = 0; i < 20; i++) {
    // letters and digits from the generator, plus one of each class the policy asks for
    const base = random(Math.max(1, Math.min(length, cap) - 4));
    const candidate = `${base}aZ7!`.slice(0, Math.min(length, cap));
    if (!policyViolations(policy, candidate).length) {
      return candidate;
    }
  }
  return random(Math.min(length, cap));
}
