import { checkUserData, checkUserEditing, EditorRights, passwordWillChange, ProfileSettings } from './user-edit-rules';

const PATTERN = '[0-9a-zA-Z-_.]+';
const ROLES = ['admin', 'user', 'bot', 'custom1'];
const ADMIN: EditorRights = {
  editOtherUserInfo: true,
  editOtherUserPassword: true,
  assignRoles: true,
  assignAdminRole: true,
};
const USER: EditorRights = {
  editOtherUserInfo: false,
  editOtherUserPassword: false,
  assignRoles: false,
  assignAdminRole: false,
};
const ALL_ALLOWED: ProfileSettings = {
  Accounts_AllowUserProfileChange: true,
  Accounts_AllowUsernameChange: true,
  Accounts_AllowUserStatusMessageChange: true,
  Accounts_AllowRealNameChange: true,
  Accounts_AllowEmailChange: true,
  Accounts_AllowPasswordChange: true,
};
const NONE_ALLOWED: ProfileSettings = {
  Accounts_AllowUserProfileChange: true,
  Accounts_AllowUsernameChange: false,
  Accounts_AllowUserStatusMessageChange: false,
  Accounts_AllowRealNameChange: false,
  Accounts_AllowEmailChange: false,
  Accounts_AllowPasswordChange: false,
};
const target = { _id: 'u1', username: 'bob', name: 'Bob', emails: [{ address: 'bob@x.io' }], roles: ['user'] };

describe('users.update authorization rules', () => {
  describe(checkUserData.name, () => {
    it('lets an editor change another user', () => {
      expect(
        checkUserData('admin1', 'u1', { name: 'Robert', roles: ['user', 'custom1'] }, ADMIN, ROLES, PATTERN),
      ).toBeNull();
    });

    it('refuses editing someone else without edit-other-user-info', () => {
      expect(checkUserData('u2', 'u1', { name: 'x' }, USER, ROLES, PATTERN)).toEqual({
        errorType: 'error-action-not-allowed',
        reason: 'Editing user is not allowed',
        details: { method: 'insertOrUpdateUser', action: 'Editing_user' },
      });
    });

    it('refuses verifying one’s own e-mail, even for admins', () => {
      expect(checkUserData('u1', 'u1', { verified: true }, ADMIN, ROLES, PATTERN)?.reason).toBe(
        'Editing email verification is not allowed',
      );
    });

    it('refuses unknown roles and the admin role without assign-admin-role', () => {
      expect(checkUserData('a', 'u1', { roles: ['ghost'] }, ADMIN, ROLES, PATTERN)?.reason).toBe(
        'The field Roles consist invalid role id',
      );
      expect(
        checkUserData('a', 'u1', { roles: ['admin'] }, { ...ADMIN, assignAdminRole: false }, ROLES, PATTERN)?.details,
      ).toEqual({ method: 'insertOrUpdateUser', action: 'Assign_admin' });
    });

    it('refuses a username the pattern rejects', () => {
      expect(checkUserData('a', 'u1', { username: 'bad name' }, ADMIN, ROLES, PATTERN)).toEqual({
        errorType: 'error-input-is-not-a-valid-field',
        reason: 'bad name is not a valid username',
        details: { method: 'insertOrUpdateUser', input: 'bad name', field: 'Username' },
      });
    });
  });

  describe(checkUserEditing.name, () => {
    it('needs assign-roles to change roles, not to resend the same ones', () => {
      expect(
        checkUserEditing('a', target, { roles: ['user'] }, { ...ADMIN, assignRoles: false }, ALL_ALLOWED),
      ).toBeNull();
      expect(
        checkUserEditing('a', target, { roles: ['user', 'bot'] }, { ...ADMIN, assignRoles: false }, ALL_ALLOWED)
          ?.reason,
      ).toBe('Assign roles is not allowed');
    });

    it('applies the Accounts_Allow* settings to users editing themselves', () => {
      expect(checkUserEditing('u1', target, { username: 'bobby' }, USER, NONE_ALLOWED)?.reason).toBe(
        'Edit username is not allowed',
      );
      expect(checkUserEditing('u1', target, { name: 'Rob' }, USER, NONE_ALLOWED)?.reason).toBe(
        'Edit user real name is not allowed',
      );
      expect(checkUserEditing('u1', target, { statusText: 'hi' }, USER, NONE_ALLOWED)?.reason).toBe(
        'Edit user status is not allowed',
      );
      expect(checkUserEditing('u1', target, { email: 'new@x.io' }, USER, NONE_ALLOWED)?.reason).toBe(
        'Edit user email is not allowed',
      );
      expect(checkUserEditing('u1', target, { password: 'x' }, USER, NONE_ALLOWED)?.reason).toBe(
        'Edit user password is not allowed',
      );
      // unchanged values are no change
      expect(checkUserEditing('u1', target, { username: 'bob', name: 'Bob' }, USER, NONE_ALLOWED)).toBeNull();
    });

    it('lets editors override the settings for other users, not for themselves', () => {
      expect(
        checkUserEditing('admin1', target, { username: 'bobby', email: 'n@x.io' }, ADMIN, NONE_ALLOWED),
      ).toBeNull();
      expect(checkUserEditing('admin1', target, { password: 'x' }, ADMIN, NONE_ALLOWED)).toBeNull();
      expect(checkUserEditing('u1', target, { username: 'bobby' }, ADMIN, NONE_ALLOWED)?.reason).toBe(
        'Edit username is not allowed',
      );
    });

    it('refuses any profile edit when profile changes are off and the caller is no editor', () => {
      expect(
        checkUserEditing('u1', target, {}, USER, { ...ALL_ALLOWED, Accounts_AllowUserProfileChange: false })?.reason,
      ).toBe('Edit user profile is not allowed');
      expect(
        checkUserEditing('u1', target, {}, ADMIN, { ...ALL_ALLOWED, Accounts_AllowUserProfileChange: false }),
      ).toBeNull();
    });
  });

  it('stores a password only for holders of edit-other-user-password', () => {
    expect(passwordWillChange('secret', ADMIN)).toBe(true);
    expect(passwordWillChange('secret', USER)).toBe(false);
    expect(passwordWillChange('   ', ADMIN)).toBe(false);
    expect(passwordWillChange(undefined, ADMIN)).toBe(false);
  });
});
