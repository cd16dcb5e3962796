/**
 * users.setAvatar, users.getAvatar, users.resetAvatar, users.getAvatarSuggestion and the avatar route
 * GET /avatar/:username.
 */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { MongoClient } from 'mongodb';
import { adminHeaders, AuthHeaders, createUser, createUserAndLogin, request, unique } from './helpers/api';
import { readState } from './helpers/state';

/** a 1×1 PNG */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** a 1×1 GIF */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const MAX_BYTES = 5 * 1024 * 1024;

/** GET /avatar/<name> with the body kept as bytes, whatever the content type. */
function getAvatar(path: string, headers: Record<string, string> = {}) {
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

async function userInfo(headers: AuthHeaders, userId: string): Promise<Record<string, unknown>> {
  const res = await request()
    .get('/api/v1/users.info')
    .query({ userId })
    .set({ ...headers })
    .expect(200);
  return res.body.user as Record<string, unknown>;
}

function upload(headers: AuthHeaders) {
  return request()
    .post('/api/v1/users.setAvatar')
    .set({ ...headers });
}

describe('avatar round trip', () => {
  it('uploads an image, serves it, redirects to it and resets it to the initials', async () => {
    const { user, credentials } = await createUserAndLogin();
    const headers = credentials.headers;

    const set = await upload(headers)
      .attach('image', PNG, { filename: 'me.png', contentType: 'image/png' })
      .expect(200);
    expect(set.body).toEqual({ success: true });

    const me = await userInfo(headers, user._id);
    expect(me.avatarOrigin).toBe('rest');
    expect(me.avatarETag).toEqual(expect.any(String));

    const served = await getAvatar(`/avatar/${user.username}`).expect(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(served.body as Buffer, PNG)).toBe(0);
    expect(served.headers.etag).toBe(`"${me.avatarETag as string}"`);
    expect(served.headers['cache-control']).toBe('public, max-age=3600');
    expect(served.headers['last-modified']).toEqual(expect.any(String));

    // revalidation sends no body; the extension form names the same user
    await getAvatar(`/avatar/${user.username}`, { 'If-None-Match': served.headers.etag }).expect(304);
    const withExt = await getAvatar(`/avatar/${user.username}.png?size=32`).expect(200);
    expect(Buffer.compare(withExt.body as Buffer, PNG)).toBe(0);

    const redirect = await request().get('/api/v1/users.getAvatar').query({ userId: user._id }).expect(307);
    expect(redirect.headers.location).toBe(`http://localhost:3000/avatar/${user.username}`);
    expect(redirect.headers['content-type']).toMatch(/^application\/json/);
    expect(redirect.body).toBe(`http://localhost:3000/avatar/${user.username}`);
    const byName = await request().get('/api/v1/users.getAvatar').query({ username: user.username }).expect(307);
    expect(byName.headers.location).toBe(redirect.headers.location);

    const reset = await request()
      .post('/api/v1/users.resetAvatar')
      .set({ ...headers })
      .send({ userId: user._id })
      .expect(200);
    expect(reset.body).toEqual({ success: true });
    const after = await userInfo(headers, user._id);
    expect(after.avatarOrigin).toBeUndefined();
    expect(after.avatarETag).toBeUndefined();

    const initials = await getAvatar(`/avatar/${user.username}`).expect(200);
    expect(initials.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = (initials.body as Buffer).toString();
    expect(svg).toContain('<svg');
    expect(svg).toContain(`\n${user.username[0].toUpperCase()}\n`);
    await getAvatar(`/avatar/${user.username}`, { 'If-None-Match': initials.headers.etag }).expect(304);
  });

  it('replaces an earlier image with the new one', async () => {
    const { user, credentials } = await createUserAndLogin();
    await upload(credentials.headers).attach('image', PNG, { filename: 'a.png', contentType: 'image/png' }).expect(200);
    await upload(credentials.headers).attach('image', GIF, { filename: 'b.gif', contentType: 'image/gif' }).expect(200);
    const served = await getAvatar(`/avatar/${user.username}`).expect(200);
    expect(served.headers['content-type']).toBe('image/gif');
    expect(Buffer.compare(served.body as Buffer, GIF)).toBe(0);
  });

  it('lets an admin set and reset another user’s avatar', async () => {
    const { user } = await createUser();
    const admin = await adminHeaders();
    await upload(admin)
      .field('username', user.username)
      .attach('image', GIF, { filename: 'x.gif', contentType: 'image/gif' })
      .expect(200);
    const served = await getAvatar(`/avatar/${user.username}`).expect(200);
    expect(Buffer.compare(served.body as Buffer, GIF)).toBe(0);
    await request()
      .post('/api/v1/users.resetAvatar')
      .set({ ...admin })
      .send({ username: user.username })
      .expect(200);
    const svg = await getAvatar(`/avatar/${user.username}`).expect(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });
});

describe('users.setAvatar from a URL', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      switch (req.url) {
        case '/avatar.gif':
          res.writeHead(200, { 'content-type': 'image/gif' }).end(GIF);
          return;
        case '/moved':
          res.writeHead(302, { location: '/avatar.gif' }).end();
          return;
        case '/page.html':
          res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
          return;
        case '/missing':
          res.writeHead(404).end();
          return;
        case '/big.png': {
          res.writeHead(200, { 'content-type': 'image/png' });
          const chunk = Buffer.alloc(1024 * 1024);
          for (let i = 0; i < 6; i++) {
            res.write(chunk);
          }
          res.end();
          return;
        }
        default:
          res.writeHead(500).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('downloads the image and serves it', async () => {
    const { user, credentials } = await createUserAndLogin();
    const res = await upload(credentials.headers)
      .send({ avatarUrl: `${base}/moved` })
      .expect(200);
    expect(res.body).toEqual({ success: true });
    const served = await getAvatar(`/avatar/${user.username}`).expect(200);
    expect(served.headers['content-type']).toBe('image/gif');
    expect(Buffer.compare(served.body as Buffer, GIF)).toBe(0);
    expect((await userInfo(credentials.headers, user._id)).avatarOrigin).toBe('url');
  });

  describe('GET /api/v1/users.getAvatarSuggestion', () => {
    let mongo: MongoClient;

    beforeAll(async () => {
      mongo = await MongoClient.connect(readState().mongoUrl);
    });

    afterAll(async () => {
      await mongo?.close();
    });

    it('offers the pictures of the linked login services that answer with an image, inline', async () => {
      const { user, credentials } = await createUserAndLogin();
      // as an OAuth login would have stored them
      await mongo
        .db()
        .collection('users')
        .updateOne(
          { _id: user._id as never },
          {
            $set: {
              'services.google': { id: 'g-1', picture: `${base}/avatar.gif`, accessToken: 'secret' },
              'services.gitlab': { id: 7, avatar_url: `${base}/page.html` },
            },
          },
        );
      const res = await request()
        .get('/api/v1/users.getAvatarSuggestion')
        .set({ ...credentials.headers })
        .expect(200);
      expect(res.body).toEqual({
        success: true,
        suggestions: {
          google: {
            service: 'google',
            url: `${base}/avatar.gif`,
            contentType: 'image/gif',
            blob: `data:image/gif;base64,${GIF.toString('base64')}`,
          },
        },
      });
    });

    it('offers nothing to an account without linked services or a verified address', async () => {
      const { credentials } = await createUserAndLogin();
      const res = await request()
        .get('/api/v1/users.getAvatarSuggestion')
        .set({ ...credentials.headers })
        .expect(200);
      expect(res.body).toEqual({ success: true, suggestions: {} });
    });

    it('takes no parameters, is a GET route and needs a login', async () => {
      const { credentials } = await createUserAndLogin();
      const extra = await request()
        .get('/api/v1/users.getAvatarSuggestion')
        .query({ service: 'google' })
        .set({ ...credentials.headers })
        .expect(400);
      expect(extra.body.errorType).toBe('invalid-params');
      await request()
        .post('/api/v1/users.getAvatarSuggestion')
        .set({ ...credentials.headers })
        .expect(405);
      await request().get('/api/v1/users.getAvatarSuggestion').expect(401);
    });
  });

  it('refuses what is not an image, a missing page and an unreachable or non-http URL', async () => {
    const { credentials } = await createUserAndLogin();
    for (const avatarUrl of [`${base}/page.html`, `${base}/missing`, 'file:///etc/passwd', 'not a url']) {
      const res = await upload(credentials.headers).send({ avatarUrl }).expect(400);
      expect(res.body).toEqual({
        success: false,
        error: `Invalid avatar URL: ${encodeURI(avatarUrl)} [error-avatar-invalid-url]`,
        errorType: 'error-avatar-invalid-url',
        details: { function: 'setUserAvatar', url: avatarUrl },
      });
    }
  });

  it('reports a server error of the image host', async () => {
    const { user, credentials } = await createUserAndLogin();
    const avatarUrl = `${base}/boom`;
    const res = await upload(credentials.headers).send({ avatarUrl }).expect(400);
    expect(res.body).toEqual({
      success: false,
      error: `Error while handling avatar setting from a URL (${avatarUrl}) for ${user.username} [error-avatar-url-handling]`,
      errorType: 'error-avatar-url-handling',
      details: { function: 'RocketChat.setUserAvatar', url: avatarUrl, username: user.username },
    });
  });

  it('refuses an image over the size limit', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await upload(credentials.headers)
      .send({ avatarUrl: `${base}/big.png` })
      .expect(400);
    expect(res.body.errorType).toBe('error-file-too-large');
  });
});

describe('users.setAvatar refusals', () => {
  it('needs a login', async () => {
    const res = await request().post('/api/v1/users.setAvatar').send({ avatarUrl: 'http://x.test/a.png' }).expect(401);
    expect(res.body.success).toBe(false);
  });

  it('refuses to change another user’s avatar without edit-other-user-avatar', async () => {
    const { credentials } = await createUserAndLogin();
    const { user: other } = await createUser();
    const json = await upload(credentials.headers)
      .send({ userId: other._id, avatarUrl: 'http://x.test/a.png' })
      .expect(403);
    expect(json.body).toEqual({ success: false, error: 'unauthorized' });
    const multipart = await upload(credentials.headers)
      .field('userId', other._id)
      .attach('image', PNG, { filename: 'a.png', contentType: 'image/png' })
      .expect(400);
    expect(multipart.body).toEqual({
      success: false,
      error: 'Not allowed [error-not-allowed]',
      errorType: 'error-not-allowed',
    });
  });

  it('refuses a file that is not an image', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await upload(credentials.headers)
      .attach('image', Buffer.from('hello'), { filename: 'a.txt', contentType: 'text/plain' })
      .expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'File type is not accepted. [error-invalid-file-type]',
      errorType: 'error-invalid-file-type',
    });
  });

  it('refuses an upload over the size limit', async () => {
    const { credentials } = await createUserAndLogin();
    const res = await upload(credentials.headers)
      .attach('image', Buffer.alloc(MAX_BYTES + 1), { filename: 'big.png', contentType: 'image/png' })
      .expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'File exceeds allowed size of 5 MB. [error-file-too-large]',
      errorType: 'error-file-too-large',
    });
  });

  it('wants the file in the `image` part, one file, and a file at all', async () => {
    const { credentials } = await createUserAndLogin();
    const wrongField = await upload(credentials.headers)
      .attach('file', PNG, { filename: 'a.png', contentType: 'image/png' })
      .expect(400);
    expect(wrongField.body).toEqual({ success: false, error: '[invalid-field]', errorType: 'invalid-field' });
    const two = await upload(credentials.headers)
      .attach('image', PNG, { filename: 'a.png', contentType: 'image/png' })
      .attach('image', PNG, { filename: 'b.png', contentType: 'image/png' })
      .expect(400);
    expect(two.body).toEqual({ success: false, error: 'Just 1 file is allowed' });
    const none = await upload(credentials.headers).field('username', 'x').expect(400);
    expect(none.body).toEqual({ success: false, error: '[No file uploaded]', errorType: 'No file uploaded' });
    const empty = await upload(credentials.headers).send({}).expect(400);
    expect(empty.body).toEqual({ success: false, error: "The 'image' param is required" });
  });

  it('refuses unknown users and unknown keys', async () => {
    const admin = await adminHeaders();
    const json = await upload(admin).send({ userId: 'no-such-user', avatarUrl: 'http://x.test/a.png' }).expect(400);
    expect(json.body).toEqual({
      success: false,
      error: 'The required "userId" or "username" param provided does not match any users [error-invalid-user]',
      errorType: 'error-invalid-user',
    });
    const multipart = await upload(admin)
      .field('username', unique('nobody'))
      .attach('image', PNG, { filename: 'a.png', contentType: 'image/png' })
      .expect(400);
    expect(multipart.body).toEqual({
      success: false,
      error: 'The optional "userId" or "username" param provided does not match any users [error-invalid-user]',
      errorType: 'error-invalid-user',
    });
    const extra = await upload(admin).send({ avatarUrl: 'http://x.test/a.png', color: 'red' }).expect(400);
    expect(extra.body.errorType).toBe('invalid-params');
    const wrongType = await upload(admin).send({ avatarUrl: 5 }).expect(400);
    expect(wrongType.body.errorType).toBe('invalid-params');
  });
});

describe('POST /api/v1/users.resetAvatar', () => {
  it('needs a login', async () => {
    await request().post('/api/v1/users.resetAvatar').send({ username: 'admin' }).expect(401);
  });

  it('refuses another user’s avatar without edit-other-user-avatar', async () => {
    const { credentials } = await createUserAndLogin();
    const { user: other } = await createUser();
    const res = await request()
      .post('/api/v1/users.resetAvatar')
      .set({ ...credentials.headers })
      .send({ userId: other._id })
      .expect(400);
    expect(res.body).toEqual({
      success: false,
      error: 'Reset avatar is not allowed [error-not-allowed]',
      errorType: 'error-not-allowed',
      details: { method: 'users.resetAvatar' },
    });
  });

  it('wants an existing user named', async () => {
    const { credentials } = await createUserAndLogin();
    const missing = await request()
      .post('/api/v1/users.resetAvatar')
      .set({ ...credentials.headers })
      .send({})
      .expect(400);
    expect(missing.body).toEqual({
      success: false,
      error: 'The required "userId" or "username" param was not provided [error-user-param-not-provided]',
      errorType: 'error-user-param-not-provided',
    });
    const unknown = await request()
      .post('/api/v1/users.resetAvatar')
      .set({ ...credentials.headers })
      .send({ username: unique('nobody') })
      .expect(400);
    expect(unknown.body.errorType).toBe('error-invalid-user');
  });
});

describe('GET /api/v1/users.getAvatar', () => {
  it('wants a user, and an existing one', async () => {
    const missing = await request().get('/api/v1/users.getAvatar').expect(400);
    expect(missing.body.errorType).toBe('error-user-param-not-provided');
    const unknown = await request()
      .get('/api/v1/users.getAvatar')
      .query({ username: unique('nobody') })
      .expect(400);
    expect(unknown.body).toEqual({
      success: false,
      error: 'The required "userId" or "username" param provided does not match any users [error-invalid-user]',
      errorType: 'error-invalid-user',
    });
  });
});

describe('GET /avatar/:username', () => {
  it('draws the initials of a user without an image, with ?size=', async () => {
    const { user } = await createUser({ username: unique('zed') });
    const res = await getAvatar(`/avatar/${user.username}?size=64`).expect(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.headers['last-modified']).toBe('Thu, 01 Jan 2015 00:00:00 GMT');
    const svg = (res.body as Buffer).toString();
    expect(svg).toContain('viewBox="0 0 64 64"');
    expect(svg).toContain('\nZ\n');
  });

  it('draws the first letter for names no user has, and always for @name', async () => {
    const unknown = await getAvatar(`/avatar/${unique('quux')}`).expect(200);
    expect((unknown.body as Buffer).toString()).toContain('\nQ\n');
    const forced = await getAvatar('/avatar/@kilo').expect(200);
    expect((forced.body as Buffer).toString()).toContain('\nK\n');
  });

  it('is public and not rate limited like the API', async () => {
    const api = await request().get('/api/v1/users.getAvatar').query({ username: 'admin' }).expect(307);
    expect(api.headers['x-ratelimit-limit']).toEqual(expect.any(String));
    const res = await getAvatar('/avatar/admin').expect(200);
    expect(res.headers['x-ratelimit-limit']).toBeUndefined();
  });
});
