/**
 * permissions.*: listing and changing which roles hold a permission.
 */
import {
  adminHeaders,
  createUserAndLogin,
  get,
  permissionRoles,
  post,
  request,
  setPermissionRoles,
} from './helpers/api';

describe('GET /api/v1/permissions.listAll', () => {
  it('lists every permission, or only those changed since a date', async () => {
    const { credentials } = await createUserAndLogin();
    const all = await get('permissions.listAll', credentials.headers).expect(200);
    expect(all.body.remove).toEqual([]);
    expect(all.body.update).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ _id: 'access-permissions', roles: ['admin'], _updatedAt: expect.any(String) }),
      ]),
    );
    const since = new Date(Date.now() - 1000).toISOString();
    const roles = await permissionRoles('create-d');
    await setPermissionRoles('create-d', roles);
    const changed = await get('permissions.listAll', credentials.headers, { updatedSince: since }).expect(200);
    expect(changed.body.update.map((p: { _id: string }) => p._id)).toContain('create-d');
    expect(changed.body.update.map((p: { _id: string }) => p._id)).not.toContain('access-mailer');
  });

  it('refuses an invalid date', async () => {
    const res = await get('permissions.listAll', await adminHeaders(), { updatedSince: 'yesterday-ish' }).expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'The "updatedSince" query parameter must be a valid date. [error-roomId-param-invalid]',
      errorType: 'error-roomId-param-invalid',
    });
  });

  it('needs a login', async () => {
    await request().get('/api/v1/permissions.listAll').expect(401);
  });
});

describe('POST /api/v1/permissions.update', () => {
  it('sets the roles of permissions and answers the whole list', async () => {
    const roles = await permissionRoles('pin-message');
    try {
      const res = await post('permissions.update', await adminHeaders(), {
        permissions: [{ _id: 'pin-message', roles: ['admin', 'guest'] }],
      }).expect(200);
      expect(res.body.permissions).toEqual(
        expect.arrayContaining([expect.objectContaining({ _id: 'pin-message', roles: ['admin', 'guest'] })]),
      );
      expect(res.body.permissions.length).toBeGreaterThan(100);
    } finally {
      await setPermissionRoles('pin-message', roles);
    }
  });

  it('refuses unknown permissions, unknown roles and a bad body', async () => {
    const headers = await adminHeaders();
    const perm = await post('permissions.update', headers, { permissions: [{ _id: 'fly', roles: ['admin'] }] });
    expect(perm.status).toBe(400);
    expect(perm.body).toEqual({ success: false, error: 'Invalid permission', errorType: 'error-invalid-permission' });
    const role = await post('permissions.update', headers, { permissions: [{ _id: 'create-c', roles: ['pilot'] }] });
    expect(role.status).toBe(400);
    expect(role.body).toEqual({ success: false, error: 'Invalid role', errorType: 'error-invalid-role' });
    const body = await post('permissions.update', headers, { permissions: [{ _id: 'create-c' }] }).expect(400);
    expect(body.body).toEqual({ success: false, error: 'Invalid body params', errorType: 'error-invalid-body-params' });
  });

  it('refuses callers without access-permissions (400, as 7.0)', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await post('permissions.update', credentials.headers, {
      permissions: [{ _id: 'create-c', roles: ['admin'] }],
    }).expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'Editing permissions is not allowed',
      errorType: 'error-edit-permissions-not-allowed',
    });
  });
});
