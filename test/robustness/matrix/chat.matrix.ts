import { loggedIn, MatrixFile } from './matrix';

/** chat.* (ENDPOINTS.md, Chat / messages). The room is a public channel that only owner and moderator joined. */
const matrix: MatrixFile = {
  'POST /api/v1/chat.postMessage': {
    params: (f) => ({ roomId: f.room._id, text: 'matrix' }),
    expect: loggedIn('ok', { guest: '400 "error-not-allowed"', custom: '400 "error-not-allowed"' }),
    note:
      'canSendMessage: members post; a caller with `view-c-room` joins the public channel first; others have no ' +
      'room access (CONVENTIONS §7) and get the plain error-not-allowed',
  },
};

export default matrix;
