import { loggedIn, MatrixFile, members, only } from './matrix';

/**
 * rooms.* (ENDPOINTS.md, Rooms). The room is the public channel of the other files: owner and moderator are in
 * it, the others are not. A room is found by id or name (findRoomByIdOrName); a private room the caller cannot
 * access is answered like a missing one, a public one is found and the endpoint says what it needs.
 */

const matrix: MatrixFile = {
  'GET /api/v1/rooms.adminRooms': {
    expect: only(['admin'], '400 "error-not-authorized"'),
    note: '`view-room-administration` (→400, plain error-not-authorized)',
  },
  'POST /api/v1/rooms.cleanHistory': {
    params: (f) => ({
      roomId: f.room._id,
      oldest: '2000-01-01T00:00:00.000Z',
      latest: '2000-01-02T00:00:00.000Z',
    }),
    expect: only(['admin'], '400 error-not-allowed'),
    note:
      'room access, then `clean-channel-history` in the room (admin) →400 error-not-allowed; a day long before ' +
      'the fixtures, so nothing is removed',
  },
  'POST /api/v1/rooms.createDiscussion': {
    params: (f) => ({ prid: f.room._id, t_name: f.unique('matrix-discussion') }),
    expect: loggedIn('ok', {
      bot: '400 error-action-not-allowed',
      custom: '400 error-action-not-allowed',
      guest: '400 error-invalid-room',
    }),
    note:
      '`start-discussion` or `start-discussion-other-user` (admin, user, guest, owner) →400 ' +
      'error-action-not-allowed; then canSendMessage on the parent: the guest cannot access the public channel ' +
      '(no `view-c-room`) →400 error-invalid-room',
  },
  'POST /api/v1/rooms.favorite': {
    params: (f) => ({ roomId: f.room._id, favorite: true }),
    expect: members('400 error-invalid-subscription'),
    note: 'the caller’s subscription',
  },
  'GET /api/v1/rooms.get': { expect: loggedIn(), note: 'the caller’s own rooms' },
  'GET /api/v1/rooms.getDiscussions': {
    params: (f) => ({ roomId: f.room._id }),
    expect: loggedIn('ok', { guest: '400 Not Allowed', custom: '400 Not Allowed' }),
    note: 'room access (Rocket.Chat’s errorType "Not Allowed")',
  },
  'GET /api/v1/rooms.info': {
    params: (f) => ({ roomId: f.room._id }),
    expect: loggedIn('ok', { guest: '400 Not Allowed', custom: '400 Not Allowed' }),
    note: 'room access (Rocket.Chat’s errorType "Not Allowed")',
  },
  'POST /api/v1/rooms.leave': {
    params: async (f) => ({ roomId: (await f.fresh.channel())._id }),
    expect: loggedIn('400 error-user-not-in-room', {
      owner: '400 error-you-are-last-owner',
      moderator: 'ok',
      guest: '400 error-not-allowed',
      custom: '400 error-not-allowed',
    }),
    note: 'as channels.leave: `leave-c`, a member, the last owner stays',
  },
  'POST /api/v1/rooms.saveNotification': {
    params: (f) => ({ roomId: f.room._id, notifications: { desktopNotifications: 'mentions' } }),
    expect: members('400 error-invalid-subscription'),
    note: 'the caller’s subscription',
  },
};

export default matrix;
