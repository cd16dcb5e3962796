import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { IncomingMessage, request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress } from './address-check';

/**
 * Downloads an image for `users.setAvatar` with `avatarUrl`: http(s) only, at most `maxBytes`, within `timeoutMs`
 * (all redirects included), following at most five redirects. Unless `allowPrivate`, every address a host name
 * resolves to must be public (see address-check.ts); the check runs in the socket's own DNS lookup, so the
 * address that is checked is the address that is connected to (no second resolution an attacker's DNS could
 * answer differently). Redirects go through the same checks.
 */
export interface RemoteImageOptions {
  maxBytes: number;
  timeoutMs: number;
  allowPrivate: boolean;
  maxRedirects?: number;
}

export type RemoteImageOutcome =
  | { kind: 'ok'; data: Buffer; contentType: string }
  /** the server answered, but not 200 */
  | { kind: 'status'; status: number }
  | { kind: 'too-large' }
  /** not an http(s) URL, or a host that resolves to an address that is not public */
  | { kind: 'refused'; reason: string }
  /** DNS failure, connection error, timeout, bad redirect */
  | { kind: 'failed'; reason: string };

class RefusedAddress extends Error {}
class TooLarge extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function fetchRemoteImage(rawUrl: string, options: RemoteImageOptions): Promise<RemoteImageOutcome> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { kind: 'refused', reason: 'not a URL' };
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { kind: 'refused', reason: `scheme ${url.protocol} is not allowed` };
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowPrivate && isIP(host) && !isPublicAddress(host)) {
      return { kind: 'refused', reason: `address ${host} is not public` };
    }
    let res: IncomingMessage;
    try {
      res = await get(url, options, signal);
    } catch (err) {
      return outcomeOf(err, signal);
    }
    const location = res.headers.location;
    if (REDIRECTS.has(res.statusCode ?? 0) && location) {
      res.resume();
      if (hop >= (options.maxRedirects ?? 5)) {
        return { kind: 'failed', reason: 'too many redirects' };
      }
      try {
        url = new URL(location, url);
      } catch {
        return { kind: 'failed', reason: 'bad redirect' };
      }
      continue;
    }
    if (res.statusCode !== 200) {
      res.resume();
      return { kind: 'status', status: res.statusCode ?? 0 };
    }
    const contentType = String(res.headers['content-type'] ?? '');
    try {
      const data = await readBody(res, options.maxBytes);
      return { kind: 'ok', data, contentType };
    } catch (err) {
      return outcomeOf(err, signal);
    }
  }
}

function outcomeOf(err: unknown, signal: AbortSignal): RemoteImageOutcome {
  if (err instanceof TooLarge) {
    return { kind: 'too-large' };
  }
  if (err instanceof RefusedAddress) {
    return { kind: 'refused', reason: err.message };
  }
  if (signal.aborted) {
    return { kind: 'failed', reason: 'timed out' };
  }
  return { kind: 'failed', reason: (err as Error)?.message ?? String(err) };
}

function get(url: URL, options: RemoteImageOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const requestOptions: RequestOptions = {
    method: 'GET',
    headers: { accept: 'image/*', 'user-agent': 'Rocket.Chat avatar fetcher' },
    signal,
    agent: false,
    ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, requestOptions, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** Resolves like dns.lookup, but fails when any address of the name is not public. */
const publicOnlyLookup = (hostname: string, opts: { all?: boolean }, callback: LookupCallback) => {
  dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses: LookupAddress[]) => {
    if (err) {
      callback(err, [] as LookupAddress[]);
      return;
    }
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused || !addresses.length) {
      callback(new RefusedAddress(`${hostname} resolves to ${refused?.address ?? 'nothing'}`), [] as LookupAddress[]);
      return;
    }
    if (opts?.all) {
      callback(null, addresses);
    } else {
      callback(null, addresses[0].address, addresses[0].family);
    }
  });
};

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function readBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    return Promise.reject(new TooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        res.destroy(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
    res.on('close', () => {
      if (!res.complete) {
        reject(new Error('connection closed before the body was complete'));
      }
    });
  });
}
