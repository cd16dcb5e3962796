import { RcError } from '@app/envelope';

/** The settings users.register follows (Rocket.Chat ids in the comments). */
export interface RegistrationSettings {
  /** Accounts_RegistrationForm: 'Public' | 'Disabled' | 'Secret URL' */
  form: string;
  /** Accounts_RegistrationForm_SecretURL */
  secretUrl: string;
  /** Accounts_RequireNameForSignUp */
  requireName: boolean;
  /** Accounts_ManuallyApproveNewUsers */
  manuallyApprove: boolean;
  /** Accounts_EmailVerification */
  emailVerification: boolean;
}

export interface RegistrationForm {
  name?: string;
  secret?: string;
  reason?: string;
}

export interface RegistrationDecision {
  /** the new user starts active (false while an admin must approve it) */
  active: boolean;
  /** trimmed real name ('' when none was given and none is required) */
  name: string;
  /** stored on the user when an admin must approve it */
  reason?: string;
  /** a verification e-mail is sent */
  sendVerification: boolean;
}

const METHOD = { method: 'registerUser' };

/**
 * What Rocket.Chat's `registerUser` decides from the settings before it creates anyone: registration off,
 * secret URL, required name, manual approval (which needs a reason), e-mail verification. The password policy
 * is checked after this (PasswordPolicyService).
 */
export function decideRegistration(s: RegistrationSettings, form: RegistrationForm): RegistrationDecision {
  if (s.form === 'Disabled') {
    throw RcError.failure('error-user-registration-disabled', 'User registration is disabled', METHOD);
  }
  if (s.form === 'Secret URL' && (!form.secret || !s.secretUrl || form.secret !== s.secretUrl)) {
    throw RcError.failure('error-user-registration-secret', 'User registration is only allowed via Secret URL', METHOD);
  }
  const name = (form.name ?? '').trim();
  if (s.requireName && !name) {
    throw RcError.failure('error-the-field-is-required', 'The field Name is required', { ...METHOD, field: 'Name' });
  }
  const reason = (form.reason ?? '').trim();
  if (s.manuallyApprove && !reason) {
    throw RcError.failure('error-the-field-is-required', 'The field Reason is required', {
      ...METHOD,
      field: 'Reason',
    });
  }
  return {
    active: !s.manuallyApprove,
    name,
    ...(s.manuallyApprove ? { reason } : {}),
    sendVerification: s.emailVerification,
  };
}
