import { all, loggedIn, MatrixFile, only } from './matrix';

/** Routes outside a dotted namespace: /api/info, login, logout, me, the avatar route, health probes. */
const matrix: MatrixFile = {
  'GET /api/info': { expect: all('ok'), note: 'optional login: anyone; privileged callers get more fields' },
  'POST /api/v1/login': {
    params: (f) => ({ user: (f.caller ?? f.target).username, password: (f.caller ?? f.target).password }),
    expect: all('ok'),
    note: 'public: a caller logs in with its own credentials (anonymous with another user’s)',
  },
  'POST /api/v1/logout': { freshSession: true, expect: loggedIn() },
  'GET /api/v1/logout': { freshSession: true, expect: loggedIn(), note: 'deprecated, still answered' },
  'GET /api/v1/me': { expect: loggedIn() },
  'GET /api/v1/settings': { expect: loggedIn(), note: 'private settings too for `view-privileged-setting`' },
  'GET /api/v1/settings/:_id': {
    params: () => ({ _id: 'Site_Name' }),
    expect: only(['admin'], 403),
    note: '`view-privileged-setting` →403',
  },
  'POST /api/v1/settings/:_id': {
    params: () => ({ _id: 'Message_AllowSnippeting', value: false }),
    expect: only(['admin'], 403),
    note: '`edit-privileged-setting` (or `manage-selected-settings` + change-setting-<id>) →403; the value is the default',
  },
  'GET /avatar/:username': { expect: all('ok'), note: 'public, like Rocket.Chat’s avatar route' },
  'GET /health/live': { expect: all('ok') },
  'GET /health': { expect: all('ok') },
  'GET /health/ready': { expect: all('ok') },
};

export default matrix;
