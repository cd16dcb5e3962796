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
  'GET /api/v1/roles.getUsersInRole': {
    params: () => ({ role: 'admin', count: '1' }),
    expect: only(['admin'], 403),
    note:
      'ENDPOINTS.md: 7.0 still answered 400 error-not-allowed; later 7.x declares `access-permissions` on the route ' +
      '(permissionsRequired, RocketChat/Rocket.Chat apps/meteor/app/api/server/v1/roles.ts), so a refusal is 403',
  },
};

export default matrix;
