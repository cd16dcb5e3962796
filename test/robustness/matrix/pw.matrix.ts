import { all, loggedIn, MatrixFile } from './matrix';

/** pw.* (the password policy). */
const matrix: MatrixFile = {
  'GET /api/v1/pw.getPolicy': { expect: loggedIn() },
  'GET /api/v1/pw.getPolicyReset': {
    params: () => ({ token: 'not-a-reset-token' }),
    expect: all(403),
    note: 'public, but only for the holder of a live reset token (→403 API.v1.unauthorized())',
  },
};

export default matrix;
