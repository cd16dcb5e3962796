import { loggedIn, MatrixFile, only } from './matrix';

/** permissions.* (ENDPOINTS.md, Permissions & roles). */
const matrix: MatrixFile = {
  'GET /api/v1/permissions.listAll': { expect: loggedIn() },
  'POST /api/v1/permissions.update': {
    params: (f) => ({ permissions: [{ _id: 'view-statistics', roles: f.viewStatisticsRoles }] }),
    expect: only(['admin'], '400 error-edit-permissions-not-allowed'),
    note: '`access-permissions` (→400 error-edit-permissions-not-allowed); the update sets the roles it already has',
  },
};

export default matrix;
