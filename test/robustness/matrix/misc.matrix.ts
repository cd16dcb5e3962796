import { loggedIn, MatrixFile, only } from './matrix';

/** directory and spotlight (ENDPOINTS.md, General / misc): what the caller may see. */
const matrix: MatrixFile = {
  'GET /api/v1/directory': {
    params: () => ({ type: 'channels', text: 'robust' }),
    expect: only(['user', 'bot', 'owner', 'moderator', 'admin'], '400 "Please verify the parameters"'),
    note: '`type: channels` needs `view-c-room` (→400 "Please verify the parameters")',
  },
  'GET /api/v1/spotlight': {
    params: () => ({ query: 'robust' }),
    expect: loggedIn(),
    note: 'results limited to what the caller may see',
  },
};

export default matrix;
