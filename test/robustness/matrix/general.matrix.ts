import { gateway, Headers, loginAs, Session } from '../support/fixtures';
import { all, loggedIn, MatrixFile, only } from './matrix';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A real multipart upload to `rooms.upload/:rid` or `rooms.media/:rid`: the file's id, or undefined when refused. */
async function uploadPng(route: string, rid: string, headers: Headers): Promise<string | undefined> {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'matrix.png');
  const res = await fetch(`${gateway()}/api/v1/${route}/${rid}`, { method: 'POST', headers, body: form });
  const body = (await res.json()) as { message?: { file?: { _id: string } }; file?: { _id: string } };
  return body.message?.file?._id ?? body.file?._id;
}

let posted: Promise<string | undefined> | undefined;

/**
 * One file the target user posts to a private group of its own (once for every caller of the file routes): no
 * caller of the matrix is a member of it, whatever the routes before changed in the shared room.
 */
function postedFile(target: Session): Promise<string | undefined> {
  posted ??= (async () => {
    const headers = await loginAs(target.username, target.password);
    const res = await fetch(`${gateway()}/api/v1/groups.create`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `matrix-files-${Date.now().toString(36)}` }),
    });
    const group = ((await res.json()) as { group?: { _id: string } }).group;
    return group ? uploadPng('rooms.upload', group._id, headers) : undefined;
  })();
  return posted;
}

const FILE_ROUTE_NOTE =
  'a file the target user posted to a group of its own: FileUpload_ProtectFiles + Restrict_to_room_members (defaults) serve members only, so every caller here, admin included, gets 403; members reading files is in test/uploads.e2e-spec.ts';

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
  'POST /api/v1/rooms.upload/:rid': {
    params: (f) => ({ rid: f.room._id }),
    expect: loggedIn('400 "Unsupported content type: application/json"'),
    note: 'multipart only: the JSON request the matrix sends is refused as Rocket.Chat’s form parser refuses it; who may upload (403 without room access, the posting rules) is in test/uploads.e2e-spec.ts',
  },
  'POST /api/v1/rooms.media/:rid': {
    params: (f) => ({ rid: f.room._id }),
    expect: loggedIn('400 "Unsupported content type: application/json"'),
    note: 'as rooms.upload',
  },
  'POST /api/v1/rooms.mediaConfirm/:rid/:fileId': {
    params: async (f) => ({
      rid: f.room._id,
      fileId: (f.caller && (await uploadPng('rooms.media', f.room._id, f.caller.headers))) ?? 'none',
    }),
    expect: loggedIn('ok', { guest: 403, custom: 403 }),
    note: 'the caller confirms its own rooms.media upload to the public room: anyone who may see the room (`view-c-room`: not guest, not the custom role →403, Rocket.Chat’s canAccessRoom)',
  },
  'GET /file-upload/:id/:name': {
    params: async (f) => ({ id: await postedFile(f.target), name: 'matrix.png' }),
    expect: all(403),
    note: FILE_ROUTE_NOTE,
  },
  'GET /ufs/:store/:id/:name': {
    params: async (f) => ({
      store: 'GridFS:Uploads',
      id: await postedFile(f.target),
      name: 'matrix.png',
    }),
    expect: all(403),
    note: `Rocket.Chat’s older file route; ${FILE_ROUTE_NOTE}`,
  },
  'GET /health/live': { expect: all('ok') },
  'GET /health': { expect: all('ok') },
  'GET /health/ready': { expect: all('ok') },
};

export default matrix;
