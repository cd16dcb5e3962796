import type { Express, Request, Response } from 'express';
import { IncomingMessage, request as httpRequest, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvelopeExpressAdapter } from './envelope.adapter';

interface Answer {
  status: number;
  type: string | undefined;
  body: string;
}

function get(server: Server, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('EnvelopeExpressAdapter.initHttpServer', () => {
  let adapter: EnvelopeExpressAdapter;
  let app: Express;
  let server: Server | undefined;

  beforeEach(() => {
    adapter = new EnvelopeExpressAdapter([]);
    app = adapter.getInstance<Express>();
  });

  afterEach(async () => {
    if (server?.listening) {
      await close(server);
    }
    server = undefined;
  });

  it("builds each request and response on express's prototypes, before express sees them", async () => {
    const originalRequest = app.request;
    const originalResponse = app.response;
    adapter.initHttpServer({});
    server = adapter.getHttpServer();
    const atArrival: object[] = [];
    // runs before express's own listener, so it sees the objects as the server built them
    server.prependListener('request', (req: IncomingMessage, res: unknown) => {
      atArrival.push(Object.getPrototypeOf(req) as object, Object.getPrototypeOf(res) as object);
    });
    app.get('/probe', (req: Request, res: Response) => {
      res.status(202).json({ header: req.get('x-probe'), query: req.query.q, app: req.app === app && res.app === app });
    });
    await listen(server);

    const answer = await get(server, '/probe?q=1', { 'x-probe': 'yes' });

    expect(atArrival).toEqual([app.request, app.response]);
    // express's own prototypes (with the app) are still in the chain, and node's classes below them
    expect(Object.getPrototypeOf(app.request)).toBe(originalRequest);
    expect(Object.getPrototypeOf(app.response)).toBe(originalResponse);
    expect(app.request).toBeInstanceOf(IncomingMessage);
    expect(answer.status).toBe(202);
    expect(answer.type).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body)).toEqual({ header: 'yes', query: '1', app: true });
  });

  it("keeps Nest's own server for forceCloseConnections", async () => {
    const originalRequest = app.request;
    adapter.initHttpServer({ forceCloseConnections: true });
    server = adapter.getHttpServer();
    const atArrival: object[] = [];
    server.prependListener('request', (req: IncomingMessage) => atArrival.push(Object.getPrototypeOf(req) as object));
    app.get('/probe', (_req: Request, res: Response) => res.json({ ok: true }));
    await listen(server);

    const answer = await get(server, '/probe');

    expect(app.request).toBe(originalRequest);
    expect(atArrival).toEqual([IncomingMessage.prototype]);
    expect(answer.status).toBe(200);
  });
});
