import { loggedIn, MatrixFile, members } from './matrix';

/** subscriptions.* (ENDPOINTS.md, Subscriptions): the caller's own subscriptions, to the public channel here. */
const matrix: MatrixFile = {
  'GET /api/v1/subscriptions.get': { expect: loggedIn() },
  'GET /api/v1/subscriptions.getOne': {
    params: (f) => ({ roomId: f.room._id }),
    expect: loggedIn(),
    note: 'null for a room the caller is not in',
  },
  'POST /api/v1/subscriptions.read': {
    params: (f) => ({ rid: f.room._id }),
    expect: members('400 "error-invalid-subscription"'),
    note: '7.x: a room without the caller’s subscription →400, plain error-invalid-subscription',
  },
  'POST /api/v1/subscriptions.unread': {
    params: (f) => ({ roomId: f.room._id }),
    expect: members('400 error-subscription-not-found'),
    note: 'the caller’s subscription (unread from the room’s last message)',
  },
};

export default matrix;
