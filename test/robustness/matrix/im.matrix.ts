import { loggedIn, MatrixFile, members, only } from './matrix';

/**
 * im.* (ENDPOINTS.md, Direct messages). The room is the direct message of owner and moderator (DM subscriptions
 * carry no room roles: both are plain participants). Anyone else is refused with 403 on every endpoint that
 * names the DM, whether it exists or not (Rocket.Chat's canAccessRoom has no administrator bypass). Every
 * entry is also the entry of its dm.* alias (dm.matrix.ts).
 */

const matrix: MatrixFile = {
  'POST /api/v1/im.create': {
    params: (f) => ({ username: f.target.username }),
    expect: loggedIn('ok', { guest: '400 error-not-allowed', custom: '400 error-not-allowed' }),
    note:
      '`create-d` (admin, user, bot); `view-d-room` alone (guest) only finds a DM that exists, and the guest has ' +
      'none with the target →400 error-not-allowed',
  },
  'POST /api/v1/im.open': { expect: members(403), note: 'room access →403; already open is fine' },
  'POST /api/v1/im.close': {
    params: async (f) => ({ roomId: (await f.fresh.dm())._id }),
    expect: members(403),
    note: 'room access →403; a new (group) DM of owner and moderator per caller, open for both',
  },
  'POST /api/v1/im.setTopic': {
    params: (f) => ({ roomId: f.dm._id, topic: f.unique('topic') }),
    expect: members(403, { owner: '400 error-action-not-allowed', moderator: '400 error-action-not-allowed' }),
    note:
      'room access →403, then saveRoomSettings needs `edit-room`, which no participant holds (no room roles in a ' +
      'DM): only an admin who is a participant could',
  },
  'GET /api/v1/im.counters': {
    params: (f) => ({ roomId: f.dm._id }),
    expect: members(403),
    note: 'room access →403 (the caller’s own counters; another `userId` needs view-room-administration)',
  },
  'GET /api/v1/im.history': { expect: members(403), note: 'room access →403' },
  'GET /api/v1/im.messages': { expect: members(403), note: 'room access →403' },
  'GET /api/v1/im.files': { expect: members(403), note: 'room access →403' },
  'GET /api/v1/im.members': { expect: members(403), note: 'room access →403' },
  'GET /api/v1/im.messages.others': {
    expect: loggedIn('400 error-endpoint-disabled'),
    note:
      '`API_Enable_Direct_Message_History_EndPoint` is off by default and checked first (5.x, 7.0): every caller, ' +
      'admin or not, gets the 400',
  },
  'GET /api/v1/im.list': { expect: loggedIn(), note: 'the caller’s own DMs' },
  'GET /api/v1/im.list.everyone': {
    expect: only(['admin'], 403),
    note: '`view-room-administration` →403 (no setting: only im.messages.others has one)',
  },
};

export default matrix;
