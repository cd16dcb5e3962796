import { loggedIn, MatrixFile } from './matrix';

/** licenses.* (an unlicensed Community server). */
const matrix: MatrixFile = {
  'GET /api/v1/licenses.info': { expect: loggedIn(), note: 'limits only for `view-privileged-setting`' },
  'GET /api/v1/licenses.maxActiveUsers': { expect: loggedIn() },
  'GET /api/v1/licenses.isEnterprise': { expect: loggedIn() },
};

export default matrix;
