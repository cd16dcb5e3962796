/** Cross-cutting conventions: envelopes, unknown routes, rate limiter, a service going away and coming back. */
import { connect } from 'node:net';
import {
  adminHeaders,
  createChannel,
  createUser,
  createUserAndLogin,
  gatewayUrl,
  get,
  post,
  request,
} from './helpers/api';
import { killApp, restartApp } from './helpers/processes';
import { isFailureEnvelope, sendBytes, sendRaw } from './robustness/support/http';
import { withSettings } from './helpers/settings';
import { E2E_RATE_LIMIT } from './helpers/state';

const JSON_TYPE = 'application/json';

describe('envelopes and routing', () => {
  it('answers an unknown route with a JSON failure, never a success', async () => {
    const res = await request()
      .get('/api/v1/no.such.endpoint')
      .set({ ...(await adminHeaders()) });
    expect(res.status).toBe(404);
    expect(res.body.success).toBe(false);
  });

  it('answers a route with the wrong method with a failure', async () => {
    const res = await request()
      .delete('/api/v1/channels.create')
      .set({ ...(await adminHeaders()) });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.body).toEqual(
      expect.objectContaining({ success: false, status: 'error', message: 'API endpoint does not exist' }),
    );
  });

  it('answers requests refused before routing (headers over the size limit, a malformed request) in the envelope', async () => {
    const tooLong = await sendRaw(gatewayUrl(), {
      method: 'GET',
      path: `/api/v1/users.info?username=${'x'.repeat(100 * 1024)}`,
    });
    expect(tooLong.status).toBe(431);
    expect(tooLong.json).toEqual({ success: false, error: 'Request Header Fields Too Large' });
    const bigHeader = await sendRaw(gatewayUrl(), {
      method: 'GET',
      path: '/api/info',
      headers: { 'X-Big': 'y'.repeat(64 * 1024) },
    });
    expect(bigHeader.status).toBe(431);
    expect(isFailureEnvelope(bigHeader.json)).toBe(true);
    const malformed = await sendBytes(gatewayUrl(), 'GET /api/info HTTP/1.1\r\nBad Header: x\r\n\r\n');
    expect(malformed).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(malformed).toContain('Content-Type: application/json\r\n');
    expect(malformed.endsWith('{"success":false,"error":"Bad Request"}')).toBe(true);
    // the gateway still answers on new connections
    expect((await sendRaw(gatewayUrl(), { method: 'GET', path: '/api/info' })).status).toBe(200);
  });

  it('keeps an idle keep-alive connection open past 60 s load balancers, and says so', async () => {
    const url = new URL(gatewayUrl());
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    // resolves with the next whole answer on the socket (headers, then Content-Length bytes of body)
    const nextAnswer = async (): Promise<string> => {
      const deadline = Date.now() + 5000;
      for (;;) {
        const end = received.indexOf('\r\n\r\n');
        const length = /\r\ncontent-length: (\d+)\r\n/i.exec(received.slice(0, end + 2));
        if (end >= 0 && length && received.length >= end + 4 + Number(length[1])) {
          const answer = received.slice(0, end + 4 + Number(length[1]));
          received = received.slice(answer.length);
          return answer;
        }
        if (socket.destroyed || Date.now() > deadline) {
          return `no answer (${socket.destroyed ? 'closed' : 'timed out'})`;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const ask = 'GET /api/info HTTP/1.1\r\nHost: e2e\r\nConnection: keep-alive\r\n\r\n';
    try {
      socket.write(ask);
      const first = await nextAnswer();
      expect(first).toMatch(/^HTTP\/1\.1 200 /);
      expect(first).toMatch(/\r\nKeep-Alive: timeout=65\r\n/i);
      // longer than node's default of 5 s, after which the connection used to be closed under the client
      await new Promise((resolve) => setTimeout(resolve, 5500));
      socket.write(ask);
      expect(await nextAnswer()).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      socket.destroy();
    }
  }, 15000);

  it('accepts form-encoded bodies', async () => {
    const headers = await adminHeaders();
    const res = await request()
      .post('/api/v1/channels.create')
      .set({ ...headers })
      .type('form')
      .send({ name: `e2e-form-${Date.now()}` })
      .expect(200);
    expect(res.body.channel.t).toBe('c');
  });
});

describe('Content-Type', () => {
  it('is exactly application/json on a success, a failure, 401, 403, 404 and 405, as Rocket.Chat sends it', async () => {
    const { credentials } = await createUserAndLogin();
    const answers = [
      await request().get('/api/info').expect(200),
      await get('me', credentials.headers).expect(200),
      await post('login', {}, { user: 'nobody', password: 'wrong' }).expect(401),
      await post('channels.create', credentials.headers, { name: '' }).expect(400),
      await post('users.create', credentials.headers, { nope: 1 }).expect(400),
      await get('me', {}).expect(401),
      await get('me', { 'X-User-Id': credentials.userId, 'X-Auth-Token': 'wrong' }).expect(401),
      await get('settings/Site_Name', credentials.headers).expect(403),
      await get('no.such.endpoint', credentials.headers).expect(404),
      await request().get('/api/v1/no.such.endpoint').expect(404),
      await request()
        .delete('/api/v1/channels.create')
        .set({ ...credentials.headers })
        .expect(405),
      await request().post('/api/v1/login').set('Content-Type', 'application/json').send('{"user":').expect(400),
    ];
    expect(answers.map((res) => `${res.status} ${res.headers['content-type']}`)).toEqual(
      answers.map((res) => `${res.status} ${JSON_TYPE}`),
    );
  });
});

describe('rate limiter', () => {
  it('sends x-ratelimit-* headers and answers 429 past the limit; the setting came from OVERWRITE_SETTING_*', async () => {
    const { credentials } = await createUserAndLogin();
    // from an address of its own: exhausting the route for 127.0.0.1 would refuse every later spec's calls
    const headers = { ...credentials.headers, 'X-Forwarded-For': '198.51.100.7' };
    const hit = () => request().get('/api/v1/channels.list').query({ count: 1 }).set(headers);
    let first = await hit().expect(200);
    // another spec may have opened this route's window a while ago: start with a fresh window so it cannot
    // reset in the middle of the loop below
    const left = Number(first.headers['x-ratelimit-reset']) - Date.now();
    if (left < 20_000) {
      await new Promise((r) => setTimeout(r, left + 200));
      first = await hit().expect(200);
    }
    const limit = Number(first.headers['x-ratelimit-limit']);
    const remaining = Number(first.headers['x-ratelimit-remaining']);
    const reset = Number(first.headers['x-ratelimit-reset']);
    expect(limit).toBe(E2E_RATE_LIMIT);
    expect(remaining).toBeLessThan(limit);
    expect(reset).toBeGreaterThan(Date.now());
    expect(reset).toBeLessThanOrEqual(Date.now() + 60_000);
    for (let i = 0; i < remaining; i++) {
      await request().get('/api/v1/channels.list').query({ count: 1 }).set(headers).expect(200);
    }
    const over = await request().get('/api/v1/channels.list').query({ count: 1 }).set(headers).expect(429);
    expect(over.body).toEqual({
      success: false,
      error: expect.stringMatching(
        /^Error, too many requests\. Please slow down\. You must wait \d+ seconds before trying this endpoint again\. \[error-too-many-requests\]$/,
      ),
      errorType: 'error-too-many-requests',
    });
    expect(over.headers['content-type']).toBe(JSON_TYPE);
    expect(over.headers['x-ratelimit-remaining']).toBe('0');
    // the limit is per route: another route still answers
    await request().get('/api/v1/me').set(headers).expect(200);
    // callers with api-bypass-rate-limit (admin) are not limited
    await request()
      .get('/api/v1/channels.list')
      .query({ count: 1 })
      .set({ ...(await adminHeaders()) })
      .expect(200);
  }, 60_000);
});

describe('a service that stops and comes back', () => {
  it('fails chat.postMessage cleanly within 5 s while chat is down, then works again', async () => {
    const headers = await adminHeaders();
    const channel = await createChannel(headers);
    await request()
      .post('/api/v1/chat.postMessage')
      .set({ ...headers })
      .send({ roomId: channel._id, text: 'before' })
      .expect(200);
    await killApp('chat', 0, 'SIGKILL');
    try {
      const started = Date.now();
      const res = await request()
        .post('/api/v1/chat.postMessage')
        .set({ ...headers })
        .send({ roomId: channel._id, text: 'while down' });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toBe(JSON_TYPE);
      expect(res.body).toEqual(expect.objectContaining({ success: false, errorType: 'error-service-unavailable' }));
      // other services still answer
      await request()
        .get('/api/v1/channels.info')
        .query({ roomId: channel._id })
        .set({ ...headers })
        .expect(200);
    } finally {
      await restartApp('chat', 0);
    }
    await request()
      .post('/api/v1/chat.postMessage')
      .set({ ...headers })
      .send({ roomId: channel._id, text: 'after' })
      .expect(200);
    const history = await request()
      .get('/api/v1/channels.history')
      .query({ roomId: channel._id })
      .set({ ...headers })
      .expect(200);
    // the request made while chat was down timed out and was dropped, not stored late
    expect(history.body.messages.map((m: { msg: string }) => m.msg)).toEqual(['after', 'before']);
  }, 90_000);
});

describe('the rate limiter and paging follow their settings at once', () => {
  it('API_Enable_Rate_Limiter_Limit_Calls_Default and API_Enable_Rate_Limiter', async () => {
    const { credentials } = await createUserAndLogin();
    const hit = () => get('users.getUsernameSuggestion', credentials.headers);
    let first = await hit().expect(200);
    const left = Number(first.headers['x-ratelimit-reset']) - Date.now();
    if (left < 20_000) {
      await new Promise((r) => setTimeout(r, left + 200));
      first = await hit().expect(200);
    }
    expect(first.headers['x-ratelimit-limit']).toBe(String(E2E_RATE_LIMIT));
    // calls already counted in this window (other specs may have used the route)
    const used = E2E_RATE_LIMIT - Number(first.headers['x-ratelimit-remaining']);
    await withSettings({ API_Enable_Rate_Limiter_Limit_Calls_Default: used + 2 }, async () => {
      const next = await hit().expect(200);
      expect(next.headers['x-ratelimit-limit']).toBe(String(used + 2));
      expect(next.headers['x-ratelimit-remaining']).toBe('1');
      await hit().expect(200);
      const over = await hit().expect(429);
      expect(over.body.errorType).toBe('error-too-many-requests');
      expect(over.headers['content-type']).toBe(JSON_TYPE);
      await withSettings({ API_Enable_Rate_Limiter: false }, async () => {
        const free = await hit().expect(200);
        expect(free.headers['x-ratelimit-limit']).toBeUndefined();
      });
      await hit().expect(429);
    });
    const back = await hit().expect(200);
    expect(back.headers['x-ratelimit-limit']).toBe(String(E2E_RATE_LIMIT));
  }, 60_000);

  it('API_Default_Count and API_Upper_Count_Limit', async () => {
    const { credentials } = await createUserAndLogin();
    await createUser();
    await createUser();
    await withSettings({ API_Default_Count: 2, API_Upper_Count_Limit: 3 }, async () => {
      const byDefault = await get('users.list', credentials.headers).expect(200);
      expect(byDefault.body.count).toBe(2);
      expect(byDefault.body.users).toHaveLength(2);
      const capped = await get('users.list', credentials.headers, { count: '50' }).expect(200);
      expect(capped.body.count).toBe(3);
      const publicList = await request().get('/api/v1/settings.public').query({ count: 50 }).expect(200);
      expect(publicList.body.count).toBe(3);
    });
    const after = await get('users.list', credentials.headers, { count: '50' }).expect(200);
    expect(after.body.count).toBeGreaterThan(3);
  });
});
