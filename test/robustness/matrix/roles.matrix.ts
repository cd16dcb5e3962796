import { loggedIn, MatrixFile, only } from './matrix';

/** roles.* (ENDPOINTS.md, Permissions & roles). */
const matrix: MatrixFile = {
  'POST /api/v1/roles.create': {
    params: (f) => ({ name: f.unique('matrix-role'), scope: 'Users' }),
    expect: only(['admin'], '400 error-action-not-allowed'),
    note: '`access-permissions` (→400 error-action-not-allowed)',
  },
  'GET /api/v1/roles.list': { expect: loggedIn() },
  'POST /api/v1/roles.addUserToRole': {
    params: (f) => ({ roleName: 'guest', username: f.target.username }),
    freshTarget: true,
    expect: only(['admin'], '400 error-action-not-allowed'),
    note: '`access-permissions` (→400 error-action-not-allowed); each caller gives a new user the guest role',
  },
  'POST /api/v1/roles.update': {
    params: (f) => ({ roleId: f.customRole._id, name: f.customRole.name }),
    expect: only(['admin'], '400 error-action-not-allowed'),
    note: '`access-permissions` (→400 error-action-not-allowed, as roles.create); the update keeps the name',
  },
  'POST /api/v1/roles.delete': {
    params: async (f) => {
      // a role of its own to delete (only a caller who may create roles gets one)
      const created = await f.asCaller('POST', '/api/v1/roles.create', { name: f.unique('matrix-del') });
      return { roleId: (created.body.role as { _id?: string } | undefined)?._id ?? 'matrix-no-role' };
    },
    expect: only(['admin'], 403),
    note: '`access-permissions` on the route (→403); the admin deletes a role it has just created',
  },
  'POST /api/v1/roles.removeUserFromRole': {
    params: (f) => ({ roleId: 'user', username: f.target.username }),
    freshTarget: true,
    expect: only(['admin'], 403),
    note: '`access-permissions` on the route (→403); each admin call takes `user` from a new user',
  },
  'GET /api/v1/roles.getUsersInRole': {
    params: () => ({ role: 'admin', count: '1' }),
    expect: only(['admin'], 403),
    note:
      'ENDPOINTS.md: 7.0 still answered 400 error-not-allowed; later 7.x declares `access-permissions` on the route ' +
      '(permissionsRequired, RocketChat/Rocket.Chat apps/meteor/app/api/server/v1/roles.ts), so a refusal is 403',
  },
};

export default matrix;
