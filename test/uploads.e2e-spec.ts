/**
 * Room uploads: rooms.upload/:rid, rooms.media/:rid + rooms.mediaConfirm/:rid/:fileId, the file route
 * GET /file-upload/:id/:name, the rooms' file lists, and the bytes in storage (GridFS `rocketchat_uploads`).
 */
import { Db, MongoClient } from 'mongodb';
import { AuthHeaders, createChannel, get, NOT_LOGGED_IN, post, request, unique } from './helpers/api';
import { CHANNELS, createRoom, GROUPS, Member, member } from './helpers/rooms';
import { setSetting, withSettings } from './helpers/settings';
import { readState } from './helpers/state';

/** a 1×1 PNG */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** bytes of every value, so that a byte out of place shows */
const BINARY = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7 + 3) % 256));

/**
 * The FileUpload_* settings these tests change, with Rocket.Chat's defaults. Until they are seeded with the
 * other defaults (apps/users-rooms/src/settings/data), the test stores the missing ones so they can be changed.
 */
const FILE_UPLOAD_SETTINGS: Record<string, { type: string; value: boolean | number | string }> = {
  FileUpload_Enabled: { type: 'boolean', value: true },
  FileUpload_MaxFileSize: { type: 'int', value: 104857600 },
  FileUpload_MediaTypeWhiteList: { type: 'string', value: '' },
  FileUpload_MediaTypeBlackList: { type: 'string', value: 'image/svg+xml' },
  FileUpload_ProtectFiles: { type: 'boolean', value: true },
  FileUpload_Restrict_to_room_members: { type: 'boolean', value: true },
  FileUpload_Restrict_to_users_who_can_access_room: { type: 'boolean', value: false },
  FileUpload_Enabled_Direct: { type: 'boolean', value: true },
};

let mongo: MongoClient;
let db: Db;

beforeAll(async () => {
  mongo = await MongoClient.connect(readState().mongoUrl);
  db = mongo.db();
  for (const [id, { type, value }] of Object.entries(FILE_UPLOAD_SETTINGS)) {
    await db
      .collection<{ _id: string }>('rocketchat_settings')
      .updateOne(
        { _id: id },
        { $setOnInsert: { value, packageValue: value, type, group: 'FileUpload', public: true } },
        { upsert: true },
      );
  }
  // every replica drops its copy of the settings
  await setSetting('FileUpload_Enabled', true);
});

afterAll(async () => {
  await mongo?.close();
});

interface UploadOptions {
  field?: string;
  name?: string;
  type?: string;
  fields?: Record<string, string>;
}

/** POST /api/v1/<route> as a multipart form with one file part (`file` unless told). */
function uploadTo(route: string, headers: AuthHeaders, bytes: Buffer, options: UploadOptions = {}) {
  let req = request()
    .post(`/api/v1/${route}`)
    .set({ ...headers });
  for (const [key, value] of Object.entries(options.fields ?? {})) {
    req = req.field(key, value);
  }
  return req.attach(options.field ?? 'file', bytes, {
    filename: options.name ?? 'pixel.png',
    contentType: options.type ?? 'image/png',
  });
}

/** GET a path with the body kept as bytes, whatever its type. */
function download(path: string, headers: Record<string, string> = {}) {
  return request()
    .get(path)
    .set(headers)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

/** What storage holds of an upload: its GridFS file and its `rocketchat_uploads` record. */
async function stored(filter: { id?: string; name?: string }) {
  const files = await db
    .collection('rocketchat_uploads.files')
    .find(filter.id ? { _id: filter.id as never } : { filename: filter.name })
    .toArray();
  const records = await db
    .collection('rocketchat_uploads')
    .find(filter.id ? { _id: filter.id as never } : { name: filter.name })
    .toArray();
  return { files: files.length, records: records.length };
}

/** A channel of a new owner with one other member, and a user who is not in it. */
async function channelWithMember(extra: Record<string, unknown> = {}) {
  const owner = await member();
  const other = await member();
  const outsider = await member();
  const channel = await createChannel(owner.headers, undefined, { members: [other.user.username], ...extra });
  return { owner, other, outsider, channel };
}

const headersOf = (m: Member): Record<string, string> => ({ ...m.headers });

describe('POST /api/v1/rooms.upload/:rid', () => {
  it('stores the file and posts its message, with file, files and an image attachment', async () => {
    const { owner, channel } = await channelWithMember();
    const res = await uploadTo(`rooms.upload/${channel._id}`, owner.headers, PNG, {
      name: 'the pixel.png',
      fields: { msg: 'look at this', description: 'a pixel' },
    }).expect(200);
    expect(res.body.success).toBe(true);
    const message = res.body.message;
    const fileId = message.file._id as string;
    const url = `/file-upload/${fileId}/the%20pixel.png`;
    expect(message).toMatchObject({
      rid: channel._id,
      msg: 'look at this',
      groupable: false,
      u: { _id: owner.user._id, username: owner.user.username },
      file: { _id: fileId, name: 'the pixel.png', type: 'image/png', size: PNG.length },
      files: [{ _id: fileId, name: 'the pixel.png', type: 'image/png', size: PNG.length }],
    });
    expect(message.attachments).toEqual([
      {
        title: 'the pixel.png',
        type: 'file',
        description: 'a pixel',
        title_link: url,
        title_link_download: true,
        image_url: url,
        image_type: 'image/png',
        image_size: PNG.length,
        fileId,
      },
    ]);
    expect(await stored({ id: fileId })).toEqual({ files: 1, records: 1 });
    // the message is in the room's history
    const history = await get('channels.history', owner.headers, { roomId: channel._id }).expect(200);
    expect(history.body.messages[0]).toMatchObject({ _id: message._id, file: { _id: fileId } });
  });

  it('describes other files by their format and size, and posts into a thread with `tmid`', async () => {
    const { owner, channel } = await channelWithMember();
    const parent = await post('chat.postMessage', owner.headers, { roomId: channel._id, text: 'parent' }).expect(200);
    const res = await uploadTo(`rooms.upload/${channel._id}`, owner.headers, Buffer.from('a\nb\n'), {
      name: 'list.lst',
      type: 'text/plain',
      fields: { tmid: parent.body.message._id },
    }).expect(200);
    expect(res.body.message.tmid).toBe(parent.body.message._id);
    expect(res.body.message.msg).toBe('');
    expect(res.body.message.attachments).toEqual([
      {
        title: 'list.lst',
        type: 'file',
        title_link: `/file-upload/${res.body.message.file._id}/list.lst`,
        title_link_download: true,
        format: 'LST',
        size: 4,
        fileId: res.body.message.file._id,
      },
    ]);
  });

  it("answers Rocket.Chat's errors for a form without the one `file` part, and stores nothing", async () => {
    const { owner, channel } = await channelWithMember();
    const route = `rooms.upload/${channel._id}`;
    const noFile = await request()
      .post(`/api/v1/${route}`)
      .set({ ...owner.headers })
      .field('msg', 'no file')
      .expect(400);
    expect(noFile.body).toEqual({ success: false, error: '[No file uploaded]', errorType: 'No file uploaded' });

    const name = unique('wrong-field');
    const wrongField = await uploadTo(route, owner.headers, PNG, { field: 'image', name }).expect(400);
    expect(wrongField.body).toEqual({ success: false, error: '[invalid-field]', errorType: 'invalid-field' });

    const twoFiles = await uploadTo(route, owner.headers, PNG, { name })
      .attach('file', PNG, { filename: name, contentType: 'image/png' })
      .expect(400);
    expect(twoFiles.body).toEqual({ success: false, error: 'Just 1 file is allowed' });

    const json = await post(`rooms.upload/${channel._id}`, owner.headers, { msg: 'x' }).expect(400);
    expect(json.body).toEqual({ success: false, error: 'Unsupported content type: application/json' });

    const unknownField = await uploadTo(route, owner.headers, PNG, { name, fields: { alias: 'x' } }).expect(400);
    expect(unknownField.body).toMatchObject({ success: false, errorType: 'invalid-params' });
    expect(await stored({ name })).toEqual({ files: 0, records: 0 });
  });

  it('answers 403 to a caller who cannot see the room (a group of others, an unknown room), storing nothing', async () => {
    const owner = await member();
    const outsider = await member();
    const group = await createRoom(GROUPS, owner.headers);
    const name = unique('outsider');
    const refused = await uploadTo(`rooms.upload/${group._id}`, outsider.headers, PNG, { name }).expect(403);
    expect(refused.body).toEqual({ success: false, error: 'unauthorized' });
    await uploadTo(`rooms.upload/${unique('no-room')}`, outsider.headers, PNG, { name }).expect(403);
    expect(await stored({ name })).toEqual({ files: 0, records: 0 });
  });

  it('applies the posting rules: a read-only room refuses a member without post-readonly', async () => {
    const { other, channel } = await channelWithMember({ readOnly: true });
    const name = unique('readonly');
    const res = await uploadTo(`rooms.upload/${channel._id}`, other.headers, PNG, { name }).expect(400);
    expect(res.body).toEqual({ success: false, error: "You can't send messages because the room is readonly." });
    expect(await stored({ name })).toEqual({ files: 0, records: 0 });
  });

  it('refuses a description over Message_MaxAllowedSize', async () => {
    const { owner, channel } = await channelWithMember();
    const name = unique('long-description');
    await withSettings({ Message_MaxAllowedSize: 10 }, async () => {
      const res = await uploadTo(`rooms.upload/${channel._id}`, owner.headers, PNG, {
        name,
        fields: { description: '12345678901' },
      }).expect(400);
      expect(res.body).toEqual({
        success: false,
        error: '[error-message-size-exceeded]',
        errorType: 'error-message-size-exceeded',
      });
    });
    expect(await stored({ name })).toEqual({ files: 0, records: 0 });
  });

  it('refuses a file over FileUpload_MaxFileSize, leaving nothing in storage', async () => {
    const { owner, channel } = await channelWithMember();
    const name = unique('too-big');
    await withSettings({ FileUpload_MaxFileSize: 100_000 }, async () => {
      const res = await uploadTo(`rooms.upload/${channel._id}`, owner.headers, BINARY, {
        name,
        type: 'application/octet-stream',
      }).expect(400);
      expect(res.body).toEqual({ success: false, error: '[error-file-too-large]', errorType: 'error-file-too-large' });
      // a file within the limit still goes through
      await uploadTo(`rooms.upload/${channel._id}`, owner.headers, PNG, { name: `${name}.small.png` }).expect(200);
    });
    expect(await stored({ name: `${name}.small.png` })).toEqual({ files: 1, records: 1 });
    expect(await stored({ name })).toEqual({ files: 0, records: 0 });
  });

  it('refuses media types by FileUpload_MediaTypeBlackList / WhiteList (wildcards), leaving nothing', async () => {
    const { owner, channel } = await channelWithMember();
    const route = `rooms.upload/${channel._id}`;
    const refusedType = { success: false, error: 'File type is not accepted. [error-invalid-file-type]' };
    const svg = unique('logo');
    // Rocket.Chat's default black list holds SVG
    const bySvg = await uploadTo(route, owner.headers, Buffer.from('<svg/>'), { name: svg, type: 'image/svg+xml' });
    expect(bySvg.status).toBe(400);
    expect(bySvg.body).toEqual({ ...refusedType, errorType: 'error-invalid-file-type' });
    await withSettings(
      { FileUpload_MediaTypeBlackList: 'text/plain', FileUpload_MediaTypeWhiteList: 'image/*' },
      async () => {
        const text = await uploadTo(route, owner.headers, Buffer.from('x'), { name: svg, type: 'text/plain' });
        expect(text.status).toBe(400);
        expect(text.body.errorType).toBe('error-invalid-file-type');
        const pdf = await uploadTo(route, owner.headers, Buffer.from('%PDF'), { name: svg, type: 'application/pdf' });
        expect(pdf.body.errorType).toBe('error-invalid-file-type');
        await uploadTo(route, owner.headers, PNG, { name: `${svg}.png` }).expect(200);
      },
    );
    expect(await stored({ name: svg })).toEqual({ files: 0, records: 0 });
  });

  it('answers error-file-upload-disabled when FileUpload_Enabled is off', async () => {
    const { owner, channel } = await channelWithMember();
    await withSettings({ FileUpload_Enabled: false }, async () => {
      const res = await uploadTo(`rooms.upload/${channel._id}`, owner.headers, PNG).expect(400);
      expect(res.body).toEqual({
        success: false,
        error: 'File uploads are disabled. [error-file-upload-disabled]',
        errorType: 'error-file-upload-disabled',
      });
    });
  });

  it('takes files in direct messages unless FileUpload_Enabled_Direct is off', async () => {
    const one = await member();
    const two = await member();
    const dm = await post('chat.postMessage', one.headers, { channel: `@${two.user.username}`, text: 'hi' }).expect(
      200,
    );
    const rid = dm.body.message.rid as string;
    await uploadTo(`rooms.upload/${rid}`, two.headers, PNG).expect(200);
    const name = unique('dm');
    await withSettings({ FileUpload_Enabled_Direct: false }, async () => {
      const res = await uploadTo(`rooms.upload/${rid}`, one.headers, PNG, { name }).expect(400);
      expect(res.body).toEqual({
        success: false,
        error: 'File sharing not allowed in direct messages. [error-direct-message-file-upload-not-allowed]',
        errorType: 'error-direct-message-file-upload-not-allowed',
      });
    });
    expect(await stored({ name })).toEqual({ files: 0, records: 0 });
  });

  it('answers 401 without login', async () => {
    const res = await request().post(`/api/v1/rooms.upload/GENERAL`).attach('file', PNG, 'x.png').expect(401);
    expect(res.body).toEqual(NOT_LOGGED_IN);
  });
});

describe('GET /file-upload/:id/:name', () => {
  let owner: Member;
  let other: Member;
  let outsider: Member;
  let path: string;
  let fileId: string;

  beforeAll(async () => {
    ({ owner, other, outsider } = await channelWithMember());
    const group = await createRoom(GROUPS, owner.headers, { members: [other.user.username] });
    const res = await uploadTo(`rooms.upload/${group._id}`, owner.headers, BINARY, {
      name: 'data é.bin',
      type: 'application/octet-stream',
    }).expect(200);
    path = res.body.message.attachments[0].title_link;
    fileId = res.body.message.file._id;
  });

  it('serves the bytes to another member, byte for byte, with the file headers', async () => {
    const res = await download(path, headersOf(other)).expect(200);
    expect(Buffer.compare(res.body as Buffer, BINARY)).toBe(0);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-length']).toBe(String(BINARY.length));
    expect(res.headers['content-disposition']).toBe("inline; filename*=UTF-8''data%20%C3%A9.bin");
    expect(res.headers['cache-control']).toBe('private, max-age=31536000');
    expect(new Date(res.headers['last-modified']).getTime()).toBeGreaterThan(Date.now() - 120_000);

    const attachment = await download(`${path}?download`, headersOf(other)).expect(200);
    expect(attachment.headers['content-disposition']).toBe("attachment; filename*=UTF-8''data%20%C3%A9.bin");
    // the name in the path does not matter, the id does; Rocket.Chat's older route serves the same file
    await download(`/file-upload/${fileId}/other-name`, headersOf(other)).expect(200);
    const ufs = await download(`/ufs/GridFS:Uploads/${fileId}/x.bin`, headersOf(other)).expect(200);
    expect(Buffer.compare(ufs.body as Buffer, BINARY)).toBe(0);
  });

  it('accepts rc_uid/rc_token in the query or as cookies', async () => {
    const { userId, authToken } = other.credentials;
    const byQuery = await download(`${path}?rc_uid=${userId}&rc_token=${authToken}`).expect(200);
    expect(Buffer.compare(byQuery.body as Buffer, BINARY)).toBe(0);
    await download(path, { Cookie: `rc_uid=${userId}; rc_token=${authToken}` }).expect(200);
  });

  it('serves a byte range and revalidates by date', async () => {
    const res = await download(path, { ...headersOf(other), Range: 'bytes=1000-1999' }).expect(206);
    expect(res.headers['content-range']).toBe(`bytes 1000-1999/${BINARY.length}`);
    expect(Buffer.compare(res.body as Buffer, BINARY.subarray(1000, 2000))).toBe(0);
    await download(path, { ...headersOf(other), Range: `bytes=${BINARY.length}-` }).expect(416);
    const first = await download(path, headersOf(other)).expect(200);
    await download(path, { ...headersOf(other), 'If-Modified-Since': first.headers['last-modified'] }).expect(304);
  });

  it('answers 403 to a non-member and to a request without credentials, 404 to an unknown file', async () => {
    const json = (res: { body: unknown }) => JSON.parse((res.body as Buffer).toString('utf8')) as unknown;
    const refused = await download(path, headersOf(outsider)).expect(403);
    expect(json(refused)).toEqual({ success: false, error: 'unauthorized' });
    await download(path).expect(403);
    await download(path, { 'X-User-Id': other.credentials.userId, 'X-Auth-Token': 'wrong' }).expect(403);
    const unknown = await download(`/file-upload/${unique('nofile')}/x.bin`, headersOf(other)).expect(404);
    expect(json(unknown)).toEqual({ success: false, error: 'Resource not found' });
  });

  it('follows FileUpload_ProtectFiles and FileUpload_Restrict_to_room_members', async () => {
    await withSettings({ FileUpload_Restrict_to_room_members: false }, async () => {
      await download(path, headersOf(outsider)).expect(200);
      await download(path).expect(403);
    });
    await withSettings({ FileUpload_ProtectFiles: false }, async () => {
      const anonymous = await download(path).expect(200);
      expect(Buffer.compare(anonymous.body as Buffer, BINARY)).toBe(0);
    });
    await download(path, headersOf(outsider)).expect(403);
  });
});

describe('rooms.media/:rid + rooms.mediaConfirm/:rid/:fileId', () => {
  it('stores an unlisted file, then posts it on confirmation; the room lists it from then on', async () => {
    const { owner, other, channel } = await channelWithMember();
    const media = await uploadTo(`rooms.media/${channel._id}`, owner.headers, PNG, { name: 'two-step.png' }).expect(
      200,
    );
    const fileId = media.body.file._id as string;
    expect(media.body).toEqual({ success: true, file: { _id: fileId, url: `/file-upload/${fileId}/two-step.png` } });
    const before = await get('channels.files', owner.headers, { roomId: channel._id }).expect(200);
    expect(before.body).toMatchObject({ files: [], count: 0, total: 0 });

    const confirmed = await post(`rooms.mediaConfirm/${channel._id}/${fileId}`, owner.headers, {
      msg: 'confirmed',
      description: 'two steps',
    }).expect(200);
    expect(confirmed.body.message).toMatchObject({
      rid: channel._id,
      msg: 'confirmed',
      file: { _id: fileId, name: 'two-step.png' },
      attachments: [{ title: 'two-step.png', description: 'two steps', image_url: media.body.file.url }],
    });
    const served = await download(media.body.file.url, headersOf(other)).expect(200);
    expect(Buffer.compare(served.body as Buffer, PNG)).toBe(0);

    const listed = await get('channels.files', other.headers, { roomId: channel._id }).expect(200);
    expect(listed.body).toMatchObject({ count: 1, offset: 0, total: 1, success: true });
    expect(listed.body.files[0]).toMatchObject({
      _id: fileId,
      rid: channel._id,
      name: 'two-step.png',
      type: 'image/png',
      size: PNG.length,
      typeGroup: 'image',
      userId: owner.user._id,
      complete: true,
      description: 'two steps',
      path: `/file-upload/${fileId}/two-step.png`,
      url: `/file-upload/${fileId}/two-step.png`,
      user: { _id: owner.user._id, username: owner.user.username, name: owner.user.name },
    });
    expect(typeof listed.body.files[0].uploadedAt).toBe('string');
    expect(listed.body.files[0]).not.toHaveProperty('expiresAt');

    // a file is confirmed once
    const again = await post(`rooms.mediaConfirm/${channel._id}/${fileId}`, owner.headers, {}).expect(400);
    expect(again.body).toEqual({ success: false, error: '[invalid-file]', errorType: 'invalid-file' });
  });

  it("refuses to confirm an unknown file, another user's file or a file of another room", async () => {
    const { owner, other, channel } = await channelWithMember();
    const elsewhere = await createChannel(owner.headers);
    const media = await uploadTo(`rooms.media/${channel._id}`, owner.headers, PNG).expect(200);
    const fileId = media.body.file._id as string;
    const invalid = { success: false, error: '[invalid-file]', errorType: 'invalid-file' };
    expect((await post(`rooms.mediaConfirm/${channel._id}/nofile`, owner.headers, {}).expect(400)).body).toEqual(
      invalid,
    );
    expect((await post(`rooms.mediaConfirm/${channel._id}/${fileId}`, other.headers, {}).expect(400)).body).toEqual(
      invalid,
    );
    expect((await post(`rooms.mediaConfirm/${elsewhere._id}/${fileId}`, owner.headers, {}).expect(400)).body).toEqual(
      invalid,
    );
    await post(`rooms.mediaConfirm/${channel._id}/${fileId}`, owner.headers, { extra: 1 }).expect(400);
    // still waiting for its confirmation
    await post(`rooms.mediaConfirm/${channel._id}/${fileId}`, owner.headers, {}).expect(200);
  });

  it('answers 403 to a caller who cannot see the room, and refuses fields rooms.media does not take', async () => {
    const owner = await member();
    const outsider = await member();
    const group = await createRoom(GROUPS, owner.headers);
    const name = unique('media-outsider');
    const refused = await uploadTo(`rooms.media/${group._id}`, outsider.headers, PNG, { name }).expect(403);
    expect(refused.body).toEqual({ success: false, error: 'unauthorized' });
    const media = await uploadTo(`rooms.media/${group._id}`, owner.headers, PNG).expect(200);
    await post(`rooms.mediaConfirm/${group._id}/${media.body.file._id}`, outsider.headers, {}).expect(403);
    const withField = await uploadTo(`rooms.media/${group._id}`, owner.headers, PNG, { name, fields: { msg: 'x' } });
    expect(withField.status).toBe(400);
    expect(withField.body.errorType).toBe('invalid-params');
    expect(await stored({ name })).toEqual({ files: 0, records: 0 });
  });
});

describe('file lists and deletion', () => {
  it('lists a group upload in groups.files, by name and typeGroup', async () => {
    const owner = await member();
    const group = await createRoom(GROUPS, owner.headers);
    await uploadTo(`rooms.upload/${group._id}`, owner.headers, PNG, { name: 'g.png' }).expect(200);
    await uploadTo(`rooms.upload/${group._id}`, owner.headers, Buffer.from('t'), { name: 'g.txt', type: 'text/plain' });
    const all = await get('groups.files', owner.headers, { roomId: group._id }).expect(200);
    expect(all.body.files.map((f: { name: string }) => f.name)).toEqual(['g.png', 'g.txt']);
    const images = await get('groups.files', owner.headers, { roomId: group._id, typeGroup: 'image' }).expect(200);
    expect(images.body.files.map((f: { name: string }) => f.name)).toEqual(['g.png']);
    expect(images.body.files[0].user).toEqual({
      _id: owner.user._id,
      username: owner.user.username,
      name: owner.user.name,
    });
  });

  it('removes the bytes and the record when the file message is deleted (chat.delete)', async () => {
    const { owner, other, channel } = await channelWithMember();
    const res = await uploadTo(`rooms.upload/${channel._id}`, owner.headers, PNG).expect(200);
    const fileId = res.body.message.file._id as string;
    expect(await stored({ id: fileId })).toEqual({ files: 1, records: 1 });
    await post('chat.delete', owner.headers, { roomId: channel._id, msgId: res.body.message._id }).expect(200);
    expect(await stored({ id: fileId })).toEqual({ files: 0, records: 0 });
    await download(res.body.message.attachments[0].title_link, headersOf(other)).expect(404);
    const listed = await get(`${CHANNELS.ns}.files`, owner.headers, { roomId: channel._id }).expect(200);
    expect(listed.body.total).toBe(0);
  });
});
