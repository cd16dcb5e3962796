import { all, loggedIn, MatrixFile, only } from './matrix';

/**
 * Invite links (ENDPOINTS.md, Invites): `create-invite-links` (admin globally; owner and moderator in their
 * rooms). The invite is owner's, to the public channel.
 */
const matrix: MatrixFile = {
  'POST /api/v1/findOrCreateInvite': {
    params: (f) => ({ rid: f.room._id, days: 7, maxUses: 0 }),
    expect: only(['owner', 'moderator'], '400 not_authorized', { admin: '400 error-invalid-room' }),
    note:
      '`create-invite-links` in the room, checked before the room (→400 not_authorized); then the caller must be ' +
      'in the room: the admin holds the permission but is not →400 error-invalid-room',
  },
  'GET /api/v1/listInvites': {
    expect: only(['admin'], '400 not_authorized'),
    note: '`create-invite-links` globally (admin); a bare JSON array',
  },
  'DELETE /api/v1/removeInvite/:_id': {
    params: async (f) => ({ _id: await f.fresh.invite() }),
    expect: only(['admin'], '400 not_authorized'),
    note: '`create-invite-links` globally (admin); a new invite per caller; a bare `true`',
  },
  'POST /api/v1/useInviteToken': {
    params: async (f) => ({ token: await f.fresh.invite() }),
    expect: loggedIn(),
    note: 'a valid token joins anyone logged in (a new channel and invite per caller)',
  },
  'POST /api/v1/validateInviteToken': {
    params: (f) => ({ token: f.invite }),
    expect: all('ok'),
    note: 'public; answers `valid`, never refuses',
  },
};

export default matrix;
