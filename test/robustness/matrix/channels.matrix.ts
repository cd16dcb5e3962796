import { loggedIn, MatrixFile, MatrixFixtures, members, only } from './matrix';

/**
 * channels.* (ENDPOINTS.md, Channels). The room is public; owner and moderator are its members (the moderator
 * with the room's moderator role), the other callers are not. A channel is found by anyone logged in
 * (findChannelByIdOrName has no access check); what needs more is said per entry.
 */

/** `edit-room` (admin, owner, moderator), through saveRoomSettings. */
const EDITORS = only(['owner', 'moderator', 'admin'], '400 error-action-not-allowed');
/** `set-owner` / `set-moderator` / `set-leader` (admin, owner). */
const ROLE_SETTERS = only(['owner', 'admin'], '400 error-not-allowed');
/** `view-c-room` (admin, user, bot; owner and moderator are users). */
const VIEWERS = only(['user', 'bot', 'owner', 'moderator', 'admin'], '400 error-not-allowed');
const NOT_IN_ROOM = '400 "The user/callee is not in the channel \\"<room>\\"."';

/** A new channel with the target user in it. */
const withTarget = async (f: MatrixFixtures) => (await f.fresh.channel({ members: [f.target.username] }))._id;

/** A new channel where the target user holds `role` (the caller's change removes it). */
function withTargetRole(role: 'Owner' | 'Moderator' | 'Leader') {
  return async (f: MatrixFixtures) => {
    const roomId = await withTarget(f);
    await f.asOwner('POST', `/api/v1/channels.add${role}`, { roomId, userId: f.target._id });
    return { roomId, userId: f.target._id };
  };
}

const addRole = async (f: MatrixFixtures) => ({ roomId: await withTarget(f), userId: f.target._id });

const matrix: MatrixFile = {
  'POST /api/v1/channels.create': {
    expect: loggedIn('ok', { guest: 403, custom: 403 }),
    note: '`create-c` →403 (admin, user, bot hold it)',
  },
  'GET /api/v1/channels.info': { expect: loggedIn(), note: 'any logged-in user' },
  'POST /api/v1/channels.invite': {
    params: (f) => ({ roomId: f.room._id, username: f.target.username }),
    freshTarget: true,
    expect: only(['owner', 'moderator', 'admin'], '400 error-not-allowed'),
    note: 'members with `add-user-to-joined-room` (owner, moderator), or `add-user-to-any-c-room` (admin)',
  },
  'POST /api/v1/channels.kick': {
    params: addRole,
    expect: only(['owner', 'moderator', 'admin'], '400 error-not-allowed'),
    note: '`remove-user` in the room (admin, owner, moderator); a new channel per caller',
  },
  'POST /api/v1/channels.leave': {
    params: async (f) => ({ roomId: (await f.fresh.channel())._id }),
    expect: loggedIn('400 error-user-not-in-room', {
      owner: '400 error-you-are-last-owner',
      moderator: 'ok',
      guest: '400 error-not-allowed',
      custom: '400 error-not-allowed',
    }),
    note: '`leave-c` (not guest, not the custom role) →400 error-not-allowed; then a member (the last owner stays)',
  },
  'POST /api/v1/channels.open': {
    params: async (f) => {
      await f.asCaller('POST', '/api/v1/channels.close', { roomId: f.room._id });
      return { roomId: f.room._id };
    },
    expect: members(NOT_IN_ROOM),
    note: 'a member opens the channel it closed just before; others are not in it (Rocket.Chat’s plain failure)',
  },
  'POST /api/v1/channels.close': {
    params: async (f) => ({ roomId: (await f.fresh.channel())._id }),
    expect: members('400 "The user/callee is not in the channel \\"<room>."'),
    note: 'members only (Rocket.Chat’s text, its missing quote included)',
  },
  'POST /api/v1/channels.archive': {
    params: async (f) => ({ roomId: (await f.fresh.channel())._id }),
    expect: only(['owner', 'admin'], '400 error-not-authorized'),
    note: '`archive-room` (admin, owner)',
  },
  'POST /api/v1/channels.unarchive': {
    params: async (f) => ({ roomId: (await f.fresh.channel({ archived: true }))._id }),
    expect: only(['admin'], '400 error-not-authorized'),
    note: '`unarchive-room` (admin only)',
  },
  'POST /api/v1/channels.delete': {
    params: async (f) => ({ roomId: (await f.fresh.channel())._id }),
    expect: only(['owner', 'admin'], '400 error-not-allowed'),
    note: '`delete-c` in the room (admin, owner)',
  },
  'POST /api/v1/channels.addOwner': { params: addRole, expect: ROLE_SETTERS, note: '`set-owner`' },
  'POST /api/v1/channels.removeOwner': {
    params: withTargetRole('Owner'),
    expect: ROLE_SETTERS,
    note: '`set-owner`; the target is a second owner',
  },
  'POST /api/v1/channels.addModerator': { params: addRole, expect: ROLE_SETTERS, note: '`set-moderator`' },
  'POST /api/v1/channels.removeModerator': {
    params: withTargetRole('Moderator'),
    expect: ROLE_SETTERS,
    note: '`set-moderator`',
  },
  'POST /api/v1/channels.addLeader': { params: addRole, expect: ROLE_SETTERS, note: '`set-leader`' },
  'POST /api/v1/channels.removeLeader': {
    params: withTargetRole('Leader'),
    expect: ROLE_SETTERS,
    note: '`set-leader`',
  },
  'POST /api/v1/channels.removeleader': {
    params: withTargetRole('Leader'),
    expect: ROLE_SETTERS,
    note: 'the seed’s spelling of channels.removeLeader',
  },
  'GET /api/v1/channels.roles': { expect: loggedIn(), note: 'any logged-in user' },
  'GET /api/v1/channels.moderators': { expect: loggedIn(), note: 'any logged-in user' },
  'GET /api/v1/channels.members': {
    expect: loggedIn(),
    note: 'any logged-in user (only broadcast rooms need `view-broadcast-member-list`)',
  },
  'POST /api/v1/channels.rename': {
    params: async (f) => ({ roomId: (await f.fresh.channel())._id, name: f.unique('matrix') }),
    expect: EDITORS,
    note: 'edit-room',
  },
  'POST /api/v1/channels.setTopic': {
    params: (f) => ({ roomId: f.room._id, topic: f.unique('topic') }),
    expect: EDITORS,
    note: 'edit-room',
  },
  'POST /api/v1/channels.setAnnouncement': {
    params: (f) => ({ roomId: f.room._id, announcement: f.unique('announcement') }),
    expect: EDITORS,
    note: 'edit-room',
  },
  'POST /api/v1/channels.setDescription': {
    params: (f) => ({ roomId: f.room._id, description: f.unique('description') }),
    expect: EDITORS,
    note: 'edit-room',
  },
  'POST /api/v1/channels.setPurpose': {
    params: (f) => ({ roomId: f.room._id, purpose: f.unique('purpose') }),
    expect: EDITORS,
    note: 'edit-room',
  },
  'POST /api/v1/channels.setReadOnly': {
    params: async (f) => ({ roomId: (await f.fresh.channel())._id, readOnly: true }),
    expect: EDITORS,
    note: 'edit-room',
  },
  'POST /api/v1/channels.setType': {
    params: async (f) => ({ roomId: (await f.fresh.channel())._id, type: 'p' }),
    expect: EDITORS,
    note: 'edit-room, then `create-p` (owner and moderator are users, who hold it)',
  },
  'POST /api/v1/channels.setCustomFields': {
    params: (f) => ({ roomId: f.room._id, customFields: { matrix: f.unique('field') } }),
    expect: EDITORS,
    note: 'edit-room',
  },
  'GET /api/v1/channels.history': {
    expect: loggedIn('ok', { bot: 403, guest: 403, custom: 403 }),
    note: 'members read; others need `view-c-room` and `preview-c-room` (admin, user) →403',
  },
  'GET /api/v1/channels.messages': {
    expect: loggedIn('ok', { bot: 403, guest: 403, custom: 403 }),
    note: '`view-c-room` →403; a caller with `view-joined-room` (bot, guest) must be in the channel →403',
  },
  'GET /api/v1/channels.files': {
    expect: loggedIn('ok', { guest: 403, custom: 403 }),
    note: 'room access (members, or `view-c-room` for a public channel) →403',
  },
  'GET /api/v1/channels.counters': {
    params: (f) => ({ roomId: f.room._id }),
    expect: loggedIn(),
    note: 'no membership check (non-members get joined:false and nulls); another `userId` needs view-room-administration',
  },
  'GET /api/v1/channels.list': {
    expect: loggedIn('ok', { custom: 403 }),
    note: '`view-c-room`, or `view-joined-room` (guest) for joined rooms only; neither →403',
  },
  'GET /api/v1/channels.list.joined': { expect: loggedIn() },
  'POST /api/v1/channels.join': {
    params: async (f) => ({ roomId: (await f.fresh.channel())._id }),
    expect: VIEWERS,
    note: '`view-c-room` (→400 error-not-allowed); members join again without error',
  },
  'POST /api/v1/channels.addAll': {
    params: async (f) => ({ roomId: (await f.fresh.channel())._id, activeUsersOnly: true }),
    expect: only(['admin'], '400 403'),
    note: '`add-all-to-room` (admin): Rocket.Chat’s errorType is 403 in a 400',
  },
  'GET /api/v1/channels.online': {
    params: (f) => ({ _id: f.room._id }),
    expect: VIEWERS,
    note: '`view-c-room` (→400 error-not-allowed)',
  },
  'POST /api/v1/channels.setJoinCode': {
    params: async (f) => ({ roomId: (await f.fresh.channel())._id, joinCode: 'matrix' }),
    expect: EDITORS,
    note: 'edit-room',
  },
  'POST /api/v1/channels.setDefault': {
    params: async (f) => {
      const room = await f.fresh.channel();
      // a default channel would be joined by every user made after it: it goes again at once
      f.afterwards(() => f.asOwner('POST', '/api/v1/channels.delete', { roomId: room._id }));
      return { roomId: room._id, default: true };
    },
    expect: only(['admin'], '400 error-action-not-allowed'),
    note: 'edit-room and `view-room-administration` (admin only)',
  },
  'GET /api/v1/channels.getIntegrations': {
    expect: only(['admin'], 403),
    note: 'any of `manage-(own-)incoming/outgoing-integrations` (admin) →403',
  },
  'POST /api/v1/channels.cleanHistory': {
    params: (f) => ({
      roomId: f.room._id,
      oldest: '2000-01-01T00:00:00.000Z',
      latest: '2000-01-02T00:00:00.000Z',
    }),
    expect: only(['admin'], '400 error-not-allowed'),
    note: '`clean-channel-history` (admin); a day long before the fixtures, so nothing is removed',
  },
  'GET /api/v1/channels.getAllUserMentionsByChannel': {
    params: (f) => ({ roomId: f.room._id }),
    expect: loggedIn('ok', { guest: '400 error-not-allowed', custom: '400 error-not-allowed' }),
    note: 'room access (a public channel: `view-c-room`) →400 error-not-allowed',
  },
  'GET /api/v1/channels.anonymousread': {
    params: (f) => ({ roomId: f.room._id }),
    expect: { ...loggedIn('400 error-not-allowed'), anonymous: '400 error-not-allowed' },
    note: 'optional login; `Accounts_AllowAnonymousRead` is off by default →400 error-not-allowed for everyone',
  },
};

export default matrix;
