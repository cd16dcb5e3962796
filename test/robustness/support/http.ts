/**
 * A raw HTTP client for the robustness suites: any method, any path and query (sent exactly as given), any body
 * bytes and content type, a deadline per request. Nothing is normalised, so malformed requests reach the gateway
 * as written.
 */
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  /** path and query string, sent as written (`/api/v1/users.info?username=a%00b`) */
  path: string;
  headers?: Record<string, string>;
  /** JSON text, form text or bytes; `undefined` sends no body */
  body?: string | Buffer;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** the body parsed as JSON, `undefined` when it is not JSON */
  json: unknown;
  ms: number;
  /** no complete answer within the deadline */
  timedOut: boolean;
  /** the connection failed (reset, refused) before an answer */
  error?: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 32 });

export function sendRaw(base: string, req: RawRequest, timeoutMs = 5000): Promise<RawAnswer> {
  const url = new URL(base);
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Omit<RawAnswer, 'ms'>) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ ...answer, ms: Date.now() - started });
      }
    };
    const headers: Record<string, string | number> = { ...(req.headers ?? {}) };
    if (req.body !== undefined) {
      headers['Content-Length'] = Buffer.byteLength(req.body);
    }
    const r = httpRequest(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (err) =>
          finish({ status: 0, headers: {}, text: '', json: undefined, timedOut: false, error: err.message }),
        );
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          finish({ status: res.statusCode ?? 0, headers: res.headers, text, json, timedOut: false });
        });
      },
    );
    const timer = setTimeout(() => {
      r.destroy();
      finish({ status: 0, headers: {}, text: '', json: undefined, timedOut: true });
    }, timeoutMs);
    r.on('error', (err) =>
      finish({ status: 0, headers: {}, text: '', json: undefined, timedOut: false, error: err.message }),
    );
    if (req.body !== undefined) {
      r.end(req.body);
    } else {
      r.end();
    }
  });
}

/** JSON request helper: `{status, body}` with the body parsed (the suites' everyday call). */
export async function call(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
  timeoutMs = 15000,
): Promise<{ status: number; body: Record<string, unknown>; answer: RawAnswer }> {
  const answer = await sendRaw(
    base,
    {
      method,
      path,
      headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    timeoutMs,
  );
  const parsed = answer.json;
  return {
    status: answer.status,
    body: parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {},
    answer,
  };
}

/**
 * Rocket.Chat's failure envelope: `{success: false, error: <string>, errorType?, details?}`, or, for 401s and
 * login refusals, `{status: "error", message: <string>, error?}`.
 */
export function isFailureEnvelope(json: unknown): boolean {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return false;
  }
  const b = json as Record<string, unknown>;
  const optionalType = b.errorType === undefined || typeof b.errorType === 'string';
  if (b.success === false && typeof b.error === 'string' && optionalType) {
    return true;
  }
  return b.status === 'error' && typeof b.message === 'string' && b.success !== true;
}

/** Runs `task` over `items` with at most `concurrency` at once, in order of the items. */
export async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await task(items[i], i);
      }
    }),
  );
  return out;
}

/** Closes the keep-alive sockets (end of a suite). */
export function closeConnections(): void {
  agent.destroy();
}

/** Writes `bytes` on a new TCP connection as they are (no HTTP client checks them) and returns what comes back. */
export function sendBytes(base: string, bytes: string | Buffer, timeoutMs = 5000): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: url.hostname, port: Number(url.port) }, () => socket.write(bytes));
    const done = () => {
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    socket.setTimeout(timeoutMs, done);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', done);
    socket.on('error', done);
  });
}
