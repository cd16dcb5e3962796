import { loggedIn, MatrixFile } from './matrix';

/** channels.* (ENDPOINTS.md, Channels). The room is public; owner and moderator are its members, others are not. */
const matrix: MatrixFile = {
  'POST /api/v1/channels.create': {
    expect: loggedIn('ok', { guest: 403, custom: 403 }),
    note: '`create-c` →403 (admin, user, bot hold it)',
  },
  'GET /api/v1/channels.info': { expect: loggedIn(), note: 'any logged-in user' },
  'GET /api/v1/channels.list': {
    expect: loggedIn('ok', { custom: 403 }),
    note: '`view-c-room`, or `view-joined-room` (guest) for joined rooms only; neither →403',
  },
  'GET /api/v1/channels.history': {
    expect: loggedIn('ok', { bot: 403, guest: 403, custom: 403 }),
    note: 'members read; others need `preview-c-room` (admin, user) →403',
  },
};

export default matrix;
