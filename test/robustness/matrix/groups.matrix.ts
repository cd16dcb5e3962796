import { loggedIn, MatrixFile, MatrixFixtures, members, only } from './matrix';

/**
 * groups.* (ENDPOINTS.md, Groups). The room is a private group; owner and moderator are its members (the
 * moderator with the room's moderator role). To everyone else a private group does not exist: every endpoint
 * that names it answers 400 error-room-not-found, the answer a missing group gets (admins included, as
 * Rocket.Chat's findPrivateGroupByIdOrName checks canAccessRoom, which has no administrator bypass).
 */

const NOT_FOUND = '400 error-room-not-found';
/** `edit-room` (owner and moderator in the room). */
const EDITORS = members(NOT_FOUND);
/** `set-owner` / `set-moderator` / `set-leader`: the owner (the moderator holds none of them). */
const ROLE_SETTERS = only(['owner'], NOT_FOUND, { moderator: '400 error-not-allowed' });

const withTarget = async (f: MatrixFixtures) => (await f.fresh.group({ members: [f.target.username] }))._id;

function withTargetRole(role: 'Owner' | 'Moderator' | 'Leader') {
  return async (f: MatrixFixtures) => {
    const roomId = await withTarget(f);
    await f.asOwner('POST', `/api/v1/groups.add${role}`, { roomId, userId: f.target._id });
    return { roomId, userId: f.target._id };
  };
}

const addRole = async (f: MatrixFixtures) => ({ roomId: await withTarget(f), userId: f.target._id });
const freshGroup = async (f: MatrixFixtures) => ({ roomId: (await f.fresh.group())._id });

const matrix: MatrixFile = {
  'POST /api/v1/groups.create': {
    expect: loggedIn('ok', { guest: 403, custom: 403 }),
    note: '`create-p` →403 (admin, user, bot hold it)',
  },
  'GET /api/v1/groups.info': { expect: members(NOT_FOUND) },
  'POST /api/v1/groups.invite': {
    params: (f) => ({ roomId: f.group._id, username: f.target.username }),
    freshTarget: true,
    expect: members(NOT_FOUND),
    note: 'members with `add-user-to-joined-room` (owner, moderator); `add-user-to-any-p-room` is nobody’s',
  },
  'POST /api/v1/groups.kick': {
    params: addRole,
    expect: members(NOT_FOUND),
    note: '`remove-user` in the room (owner, moderator); a new group per caller',
  },
  'POST /api/v1/groups.leave': {
    params: freshGroup,
    expect: members(NOT_FOUND, { owner: '400 error-you-are-last-owner' }),
    note: 'the last owner stays',
  },
  'POST /api/v1/groups.open': {
    params: async (f) => {
      await f.asCaller('POST', '/api/v1/groups.close', { roomId: f.group._id });
      return { roomId: f.group._id };
    },
    expect: members(NOT_FOUND),
    note: 'a member opens the group it closed just before',
  },
  'POST /api/v1/groups.close': { params: freshGroup, expect: members(NOT_FOUND) },
  'POST /api/v1/groups.archive': {
    params: freshGroup,
    expect: only(['owner'], NOT_FOUND, { moderator: '400 error-not-authorized' }),
    note: '`archive-room` (owner)',
  },
  'POST /api/v1/groups.unarchive': {
    params: async (f) => ({ roomId: (await f.fresh.group({ archived: true }))._id }),
    expect: members(NOT_FOUND, { owner: '400 error-not-authorized', moderator: '400 error-not-authorized' }),
    note: '`unarchive-room` is the admin’s alone, and the admin is not in the group: nobody here may',
  },
  'POST /api/v1/groups.delete': {
    params: freshGroup,
    expect: only(['owner'], NOT_FOUND, { moderator: '400 error-not-allowed' }),
    note: '`delete-p` in the room (owner)',
  },
  'POST /api/v1/groups.addOwner': { params: addRole, expect: ROLE_SETTERS, note: '`set-owner`' },
  'POST /api/v1/groups.removeOwner': { params: withTargetRole('Owner'), expect: ROLE_SETTERS, note: '`set-owner`' },
  'POST /api/v1/groups.addModerator': { params: addRole, expect: ROLE_SETTERS, note: '`set-moderator`' },
  'POST /api/v1/groups.removeModerator': {
    params: withTargetRole('Moderator'),
    expect: ROLE_SETTERS,
    note: '`set-moderator`',
  },
  'POST /api/v1/groups.addLeader': { params: addRole, expect: ROLE_SETTERS, note: '`set-leader`' },
  'POST /api/v1/groups.removeLeader': {
    params: withTargetRole('Leader'),
    expect: ROLE_SETTERS,
    note: '`set-leader`',
  },
  'GET /api/v1/groups.roles': { expect: members(NOT_FOUND) },
  'GET /api/v1/groups.moderators': { expect: members(NOT_FOUND) },
  'GET /api/v1/groups.members': { expect: members(NOT_FOUND) },
  'POST /api/v1/groups.rename': {
    params: async (f) => ({ roomId: (await f.fresh.group())._id, name: f.unique('matrix') }),
    expect: EDITORS,
    note: 'edit-room',
  },
  'POST /api/v1/groups.setTopic': {
    params: (f) => ({ roomId: f.group._id, topic: f.unique('topic') }),
    expect: EDITORS,
  },
  'POST /api/v1/groups.setAnnouncement': {
    params: (f) => ({ roomId: f.group._id, announcement: f.unique('announcement') }),
    expect: EDITORS,
  },
  'POST /api/v1/groups.setDescription': {
    params: (f) => ({ roomId: f.group._id, description: f.unique('description') }),
    expect: EDITORS,
  },
  'POST /api/v1/groups.setPurpose': {
    params: (f) => ({ roomId: f.group._id, purpose: f.unique('purpose') }),
    expect: EDITORS,
  },
  'POST /api/v1/groups.setReadOnly': {
    params: async (f) => ({ roomId: (await f.fresh.group())._id, readOnly: true }),
    expect: EDITORS,
  },
  'POST /api/v1/groups.setType': {
    params: async (f) => ({ roomId: (await f.fresh.group())._id, type: 'c' }),
    expect: EDITORS,
    note: 'edit-room, then `create-c` (owner and moderator are users, who hold it)',
  },
  'POST /api/v1/groups.setCustomFields': {
    params: (f) => ({ roomId: f.group._id, customFields: { matrix: f.unique('field') } }),
    expect: EDITORS,
  },
  'GET /api/v1/groups.history': { expect: members(NOT_FOUND) },
  'GET /api/v1/groups.messages': { expect: members(NOT_FOUND) },
  'GET /api/v1/groups.files': { expect: members(NOT_FOUND) },
  'GET /api/v1/groups.counters': {
    params: (f) => ({ roomId: f.group._id }),
    expect: members(NOT_FOUND),
    note: 'ENDPOINTS.md: 5.x has no membership check here (joined:false and nulls); a private group is answered as missing',
  },
  'GET /api/v1/groups.list': { expect: loggedIn(), note: 'the caller’s own groups' },
  'GET /api/v1/groups.listAll': { expect: only(['admin'], 403), note: '`view-room-administration` →403' },
};

export default matrix;
