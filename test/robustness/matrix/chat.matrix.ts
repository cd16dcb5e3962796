import { loggedIn, MatrixFile, only } from './matrix';

/**
 * chat.* (ENDPOINTS.md, Chat / messages). The room is a public channel that only owner and moderator joined;
 * the message is owner's, in that channel, the parent of a thread. Room access (Rocket.Chat's canAccessRoom) is
 * membership or, for a public channel, `view-c-room` (admin, user, bot; not guest, not the custom role). A
 * message in a room the caller cannot read is answered exactly like a message that does not exist.
 */

/** Who can read the channel: members, and holders of `view-c-room`. */
const READERS = ['user', 'bot', 'owner', 'moderator', 'admin'] as const;
const readers = (refusal: `400 ${string}`) => only([...READERS], refusal);
/** The plain failure of the message reads (no errorType). */
const PLAIN_NOT_ALLOWED = '400 "error-not-allowed"';

const matrix: MatrixFile = {
  'POST /api/v1/chat.postMessage': {
    params: async (f) => ({ roomId: (await f.fresh.channel())._id, text: 'matrix' }),
    expect: readers(PLAIN_NOT_ALLOWED),
    note:
      'canSendMessage: members post; a caller with `view-c-room` joins the public channel first (a new one per ' +
      'caller); others have no room access (CONVENTIONS §7) and get the plain error-not-allowed',
  },
  'POST /api/v1/chat.sendMessage': {
    params: async (f) => ({ message: { rid: (await f.fresh.channel())._id, msg: 'matrix' } }),
    expect: readers(PLAIN_NOT_ALLOWED),
    note: 'as chat.postMessage',
  },
  'POST /api/v1/chat.update': {
    params: async (f) => {
      const message = await f.fresh.message();
      return { roomId: message.rid, msgId: message._id, text: f.unique('edited') };
    },
    expect: only(['owner', 'moderator', 'admin'], '400 error-action-not-allowed', {
      guest: '400 "No message found with the id of \\"<mid>\\"."',
      custom: '400 "No message found with the id of \\"<mid>\\"."',
    }),
    note:
      'the author (owner), or `edit-message` (moderator in the room, admin); then canSendMessage, which for a ' +
      'public channel is room access, not membership (Rocket.Chat’s validateRoomMessagePermissions)',
  },
  'POST /api/v1/chat.delete': {
    params: async (f) => {
      const message = await f.fresh.message();
      return { roomId: message.rid, msgId: message._id };
    },
    expect: only(['owner', 'moderator', 'admin'], '400 error-action-not-allowed', {
      guest: '400 "No message found with the id of \\"<mid>\\"."',
      custom: '400 "No message found with the id of \\"<mid>\\"."',
    }),
    note: '`force-delete-message` (owner, admin), `delete-message` (moderator), or one’s own with `delete-own-message`',
  },
  'GET /api/v1/chat.getMessage': { expect: readers('400 error-invalid-message') },
  'GET /api/v1/chat.getPinnedMessages': {
    params: (f) => ({ roomId: f.room._id }),
    expect: readers('400 error-not-allowed'),
  },
  'GET /api/v1/chat.getStarredMessages': {
    params: (f) => ({ roomId: f.room._id }),
    expect: readers(PLAIN_NOT_ALLOWED),
  },
  'GET /api/v1/chat.getMentionedMessages': {
    params: (f) => ({ roomId: f.room._id }),
    expect: readers(PLAIN_NOT_ALLOWED),
  },
  'GET /api/v1/chat.getSnippetedMessages': {
    params: (f) => ({ roomId: f.room._id }),
    expect: loggedIn('400 error-not-allowed'),
    note: '`Message_AllowSnippeting` is off by default (and the feature is gone in 7.x)',
  },
  'GET /api/v1/chat.getSnippetedMessageById': {
    expect: loggedIn('400 error-not-allowed'),
    note: '`Message_AllowSnippeting` is off by default',
  },
  'GET /api/v1/chat.getDiscussions': {
    params: (f) => ({ roomId: f.room._id }),
    expect: readers(PLAIN_NOT_ALLOWED),
  },
  'GET /api/v1/chat.getDeletedMessages': {
    params: (f) => ({ roomId: f.room._id, since: f.since }),
    expect: readers(PLAIN_NOT_ALLOWED),
    note: 'ENDPOINTS.md lists no check; room access keeps a private room’s deletions to its members',
  },
  'GET /api/v1/chat.syncMessages': {
    params: (f) => ({ roomId: f.room._id, lastUpdate: f.since }),
    expect: readers(PLAIN_NOT_ALLOWED),
  },
  'GET /api/v1/chat.search': {
    params: (f) => ({ roomId: f.room._id, searchText: 'matrix' }),
    expect: readers('400 error-not-allowed'),
  },
  'GET /api/v1/chat.getMessageReadReceipts': {
    expect: loggedIn('400 error-action-not-allowed'),
    note: '7.x without the read-receipt licence (here: `Message_Read_Receipt_Enabled` off, the default)',
  },
  'POST /api/v1/chat.pinMessage': {
    expect: only(['owner', 'moderator'], '400 not-authorized', {
      admin: '400 error-invalid-message',
      guest: '400 error-message-not-found',
      custom: '400 error-message-not-found',
    }),
    note:
      '`pin-message` (owner, moderator, admin), then a subscription: Rocket.Chat answers a room the caller is ' +
      'not in with error-invalid-message',
  },
  'POST /api/v1/chat.unPinMessage': {
    expect: only(['owner', 'moderator'], '400 not-authorized', {
      admin: '400 error-invalid-message',
      guest: '400 error-message-not-found',
      custom: '400 error-message-not-found',
    }),
    note: 'as pin',
  },
  'POST /api/v1/chat.starMessage': {
    expect: readers('400 error-message-not-found'),
    note: 'room access; a non-member’s star changes nothing (Rocket.Chat’s starMessage answers false)',
  },
  'POST /api/v1/chat.unStarMessage': { expect: readers('400 error-message-not-found') },
  'POST /api/v1/chat.react': {
    params: (f) => ({ messageId: f.message._id, emoji: 'smile', shouldReact: true }),
    expect: readers('400 error-message-not-found'),
    note: 'room access; the room is neither read-only nor muting anyone',
  },
  'POST /api/v1/chat.reportMessage': {
    params: (f) => ({ messageId: f.message._id, description: 'matrix' }),
    expect: readers('400 error-invalid-message'),
  },
  'POST /api/v1/chat.followMessage': { expect: readers('400 error-invalid-message') },
  'POST /api/v1/chat.unfollowMessage': { expect: readers('400 error-invalid-message') },
  'GET /api/v1/chat.getThreadMessages': {
    params: (f) => ({ tmid: f.message._id }),
    expect: readers('400 error-invalid-message'),
  },
  'GET /api/v1/chat.getThreadsList': {
    params: (f) => ({ rid: f.room._id }),
    expect: readers('400 error-not-allowed'),
  },
  'GET /api/v1/chat.syncThreadMessages': { expect: readers('400 error-invalid-message') },
  'GET /api/v1/chat.syncThreadsList': { expect: readers('400 error-not-allowed') },
  'GET /api/v1/chat.ignoreUser': {
    params: (f) => ({ rid: f.room._id, userId: f.members.owner._id, ignore: 'false' }),
    expect: only(['owner', 'moderator'], '400 error-invalid-subscription'),
    note: 'the caller must be in the room (and the user it ignores too)',
  },
  'GET /api/v1/chat.getRoomIdByNameOrId': {
    params: (f) => ({ name: f.room.name }),
    expect: readers('400 error-not-allowed'),
    note: 'not in Rocket.Chat’s REST API (the SDKs’ method): a room the caller may see',
  },
  'GET /api/v1/chat.getRoomNameById': {
    params: (f) => ({ rid: f.room._id }),
    expect: readers('400 error-not-allowed'),
    note: 'not in Rocket.Chat’s REST API (the SDKs’ method)',
  },
};

export default matrix;
