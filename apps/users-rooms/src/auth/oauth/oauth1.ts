/** OAuth 1.0a request signing (RFC 5849, HMAC-SHA1), as Twitter's v1.1 API requires. */
import { createHmac, randomBytes } from 'node:crypto';

/** RFC 3986 percent-encoding (encodeURIComponent leaves `!'()*` alone; OAuth does not). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface OAuth1Credentials {
  consumerKey: string;
  consumerSecret: string;
  token: string;
  tokenSecret: string;
}

export interface OAuth1Request {
  method: string;
  /** full URL; its query parameters are signed */
  url: string;
  /** form-encoded body parameters, signed too */
  body?: Record<string, string>;
}

/** Signature base string: METHOD & base URL & the sorted, encoded parameters. */
export function signatureBaseString(req: OAuth1Request, oauthParams: Record<string, string>): string {
  const url = new URL(req.url);
  const pairs: [string, string][] = [];
  url.searchParams.forEach((v, k) => pairs.push([percentEncode(k), percentEncode(v)]));
  for (const [k, v] of Object.entries({ ...(req.body ?? {}), ...oauthParams })) {
    pairs.push([percentEncode(k), percentEncode(v)]);
  }
  pairs.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1));
  const params = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const baseUrl = `${url.protocol}//${url.host}${url.pathname}`;
  return [req.method.toUpperCase(), percentEncode(baseUrl), percentEncode(params)].join('&');
}

export function hmacSha1Signature(baseString: string, consumerSecret: string, tokenSecret: string): string {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  return createHmac('sha1', key).update(baseString).digest('base64');
}

/** The `Authorization: OAuth ...` header of a signed request. `nonce`/`timestamp` are fixed only by tests. */
export function oauth1AuthorizationHeader(
  req: OAuth1Request,
  creds: OAuth1Credentials,
  nonce = randomBytes(16).toString('hex'),
  timestamp = String(Math.floor(Date.now() / 1000)),
): string {
  const oauthParams: Record<string, string> = {
    oauth_consumer_key: creds.consumerKey,
    oauth_nonce: nonce,
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: timestamp,
    oauth_token: creds.token,
    oauth_version: '1.0',
  };
  const signature = hmacSha1Signature(signatureBaseString(req, oauthParams), creds.consumerSecret, creds.tokenSecret);
  const all: Record<string, string> = { ...oauthParams, oauth_signature: signature };
  return `OAuth ${Object.keys(all)
    .sort()
    .map((k) => `${percentEncode(k)}="${percentEncode(all[k])}"`)
    .join(', ')}`;
}
