import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { fetchRemoteImage, RemoteImageOptions } from './remote-image';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe(fetchRemoteImage.name, () => {
  let server: Server;
  let base: string;
  let port: number;

  beforeAll(async () => {
    server = createServer((req, res) => {
      switch (req.url) {
        case '/ok.png':
          res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
          return;
        case '/missing':
          res.writeHead(404).end();
          return;
        case '/declared-big':
          res.writeHead(200, { 'content-type': 'image/png', 'content-length': '999999' }).end();
          return;
        case '/streamed-big':
          res.writeHead(200, { 'content-type': 'image/png' });
          res.write(Buffer.alloc(600));
          res.end(Buffer.alloc(600));
          return;
        case '/slow':
          setTimeout(() => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG), 2000).unref();
          return;
        case '/redirect':
          res.writeHead(302, { location: '/ok.png' }).end();
          return;
        case '/to-file':
          res.writeHead(302, { location: 'file:///etc/passwd' }).end();
          return;
        case '/loop':
          res.writeHead(307, { location: '/loop' }).end();
          return;
        default:
          res.writeHead(500).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const open: RemoteImageOptions = { maxBytes: 1000, timeoutMs: 1500, allowPrivate: true };
  const guarded: RemoteImageOptions = { ...open, allowPrivate: false };

  it('downloads an image with its content type', async () => {
    await expect(fetchRemoteImage(`${base}/ok.png`, open)).resolves.toEqual({
      kind: 'ok',
      data: PNG,
      contentType: 'image/png',
    });
  });

  it('refuses loopback addresses, by literal or by name, unless allowed', async () => {
    await expect(fetchRemoteImage(`${base}/ok.png`, guarded)).resolves.toMatchObject({ kind: 'refused' });
    await expect(fetchRemoteImage(`http://[::1]:${port}/ok.png`, guarded)).resolves.toMatchObject({
      kind: 'refused',
    });
    await expect(fetchRemoteImage(`http://localhost:${port}/ok.png`, guarded)).resolves.toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('localhost resolves to'),
    });
    await expect(fetchRemoteImage('http://169.254.169.254/latest/meta-data/', guarded)).resolves.toMatchObject({
      kind: 'refused',
    });
  });

  it('refuses what is not an http(s) URL', async () => {
    await expect(fetchRemoteImage('file:///etc/passwd', open)).resolves.toMatchObject({ kind: 'refused' });
    await expect(fetchRemoteImage('ftp://example.com/a.png', open)).resolves.toMatchObject({ kind: 'refused' });
    await expect(fetchRemoteImage('not a url', open)).resolves.toMatchObject({ kind: 'refused' });
  });

  it('reports a status other than 200', async () => {
    await expect(fetchRemoteImage(`${base}/missing`, open)).resolves.toEqual({ kind: 'status', status: 404 });
    await expect(fetchRemoteImage(`${base}/boom`, open)).resolves.toEqual({ kind: 'status', status: 500 });
  });

  it('stops at the size limit, declared or streamed', async () => {
    await expect(fetchRemoteImage(`${base}/declared-big`, open)).resolves.toEqual({ kind: 'too-large' });
    await expect(fetchRemoteImage(`${base}/streamed-big`, open)).resolves.toEqual({ kind: 'too-large' });
  });

  it('gives up after the time limit', async () => {
    await expect(fetchRemoteImage(`${base}/slow`, { ...open, timeoutMs: 200 })).resolves.toEqual({
      kind: 'failed',
      reason: 'timed out',
    });
  });

  it('follows redirects through the same checks', async () => {
    await expect(fetchRemoteImage(`${base}/redirect`, open)).resolves.toMatchObject({ kind: 'ok', data: PNG });
    await expect(fetchRemoteImage(`${base}/to-file`, open)).resolves.toMatchObject({ kind: 'refused' });
    await expect(fetchRemoteImage(`${base}/loop`, open)).resolves.toEqual({
      kind: 'failed',
      reason: 'too many redirects',
    });
  });

  it('reports a connection that fails', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchRemoteImage(`http://127.0.0.1:${closedPort}/`, open)).resolves.toMatchObject({
      kind: 'failed',
    });
  });
});
