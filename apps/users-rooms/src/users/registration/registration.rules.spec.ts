import { RcError } from '@app/envelope';
import { decideRegistration, RegistrationSettings } from './registration.rules';

const PUBLIC: RegistrationSettings = {
  form: 'Public',
  secretUrl: 'the-secret',
  requireName: true,
  manuallyApprove: false,
  emailVerification: false,
};

function errorOf(fn: () => unknown): RcError {
  try {
    fn();
  } catch (err) {
    return err as RcError;
  }
  throw new Error('expected an RcError');
}

describe(decideRegistration.name, () => {
  it('lets a public registration through as an active user without verification', () => {
    expect(decideRegistration(PUBLIC, { name: '  Jane  ' })).toEqual({
      active: true,
      name: 'Jane',
      sendVerification: false,
    });
  });

  it('refuses every registration when the form is disabled', () => {
    const err = errorOf(() => decideRegistration({ ...PUBLIC, form: 'Disabled' }, { name: 'Jane' }));
    expect(err.payload).toMatchObject({ kind: 'failure', errorType: 'error-user-registration-disabled' });
  });

  it('needs the exact secret in Secret URL mode', () => {
    const s = { ...PUBLIC, form: 'Secret URL' };
    expect(decideRegistration(s, { name: 'Jane', secret: 'the-secret' }).active).toBe(true);
    for (const secret of [undefined, '', 'wrong']) {
      expect(errorOf(() => decideRegistration(s, { name: 'Jane', secret })).payload.errorType).toBe(
        'error-user-registration-secret',
      );
    }
  });

  it('never matches an empty configured secret', () => {
    const s = { ...PUBLIC, form: 'Secret URL', secretUrl: '' };
    expect(errorOf(() => decideRegistration(s, { name: 'Jane', secret: '' })).payload.errorType).toBe(
      'error-user-registration-secret',
    );
  });

  it('requires a name only when Accounts_RequireNameForSignUp is on', () => {
    expect(errorOf(() => decideRegistration(PUBLIC, { name: '   ' })).payload).toMatchObject({
      errorType: 'error-the-field-is-required',
      details: { field: 'Name' },
    });
    expect(decideRegistration({ ...PUBLIC, requireName: false }, {}).name).toBe('');
  });

  it('makes manually approved users inactive and needs their reason', () => {
    const s = { ...PUBLIC, manuallyApprove: true };
    expect(decideRegistration(s, { name: 'Jane', reason: ' please ' })).toEqual({
      active: false,
      name: 'Jane',
      reason: 'please',
      sendVerification: false,
    });
    expect(errorOf(() => decideRegistration(s, { name: 'Jane' })).payload.details).toMatchObject({ field: 'Reason' });
  });

  it('asks for a verification e-mail when Accounts_EmailVerification is on', () => {
    expect(decideRegistration({ ...PUBLIC, emailVerification: true }, { name: 'Jane' }).sendVerification).toBe(true);
  });

  it('checks the registration form before the name', () => {
    expect(errorOf(() => decideRegistration({ ...PUBLIC, form: 'Disabled' }, {})).payload.errorType).toBe(
      'error-user-registration-disabled',
    );
  });
});
