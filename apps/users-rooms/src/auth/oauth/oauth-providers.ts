/**
 * The three access-token login services of Rocket.Chat (`apps/meteor/app/lib/server/oauth/{google,facebook,
 * twitter}.ts`): the options each one requires, and how each one asks its provider who the token belongs to.
 * Provider base URLs come from settings so tests can point them at a local fake provider.
 */
import { createHmac } from 'node:crypto';
import { oauth1AuthorizationHeader } from './oauth1';

export type OAuthServiceName = 'google' | 'facebook' | 'twitter';

/** What the settings say about one service (Rocket.Chat's service configuration + our API base URL). */
export interface OAuthServiceConfig {
  clientId: string;
  secret: string;
  apiUrl: string;
  timeoutMs: number;
}

export interface OAuthIdentityResult {
  /** stored as `services.<name>` (Rocket.Chat's serviceData); must hold `id` */
  serviceData: Record<string, unknown>;
  /** the new user's display name */
  profileName?: string;
}

/** A request Rocket.Chat's `check(options, Match.ObjectIncluding(...))` refuses. */
export class OAuthOptionsError extends Error {}

/** The provider refused the token or could not be reached. */
export class OAuthProviderError extends Error {}

type FieldType = 'String' | 'Integer' | 'Maybe String';

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Meteor `check` messages: "Match error: Missing key 'x'" / "Expected string, got number in field x". */
export function checkOptions(options: Record<string, unknown>, spec: Record<string, FieldType>): void {
  for (const [key, type] of Object.entries(spec)) {
    const value = options[key];
    if (value === undefined) {
      if (type === 'Maybe String') {
        continue;
      }
      throw new OAuthOptionsError(`Match error: Missing key '${key}'`);
    }
    if (type === 'Integer') {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        throw new OAuthOptionsError(`Match error: Expected Integer, got ${typeName(value)} in field ${key}`);
      }
    } else if (typeof value !== 'string' && !(type === 'Maybe String' && value === null)) {
      throw new OAuthOptionsError(`Match error: Expected string, got ${typeName(value)} in field ${key}`);
    }
  }
}

/** Facebook's `appsecret_proof`: HMAC-SHA256 of the access token keyed with the app secret, hex. */
export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

/** `base` + `path`, keeping any path prefix of the base URL. */
export function apiUrl(base: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  for (const [k, v] of Object.entries(query)) {
    url.searchParams.set(k, v);
  }
  return url.toString();
}

const MAX_ERROR_TEXT = 300;

/** GET a JSON document from a provider; any failure becomes "Failed to fetch <what> from <label>. <why>". */
async function fetchJson(
  url: string,
  label: string,
  what: string,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  try {
    const res = await fetch(url, {
      headers: { Accept: 'application/json', ...headers },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) {
      throw new Error(text.slice(0, MAX_ERROR_TEXT) || `HTTP ${res.status}`);
    }
    const body: unknown = JSON.parse(text);
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new Error('the answer is not a JSON object');
    }
    return body as Record<string, unknown>;
  } catch (err) {
    throw new OAuthProviderError(`Failed to fetch ${what} from ${label}. ${(err as Error).message}`);
  }
}

function pick(
  identity: Record<string, unknown>,
  keys: readonly string[],
  onlyTruthy: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (onlyTruthy ? identity[key] : Object.prototype.hasOwnProperty.call(identity, key)) {
      out[key] = identity[key];
    }
  }
  return out;
}

const expiresAt = (expiresIn: unknown) => Date.now() + 1000 * Number(expiresIn);

/** Meteor's google-oauth `Google.whitelistedFields`. */
const GOOGLE_FIELDS = [
  'id',
  'email',
  'verified_email',
  'name',
  'given_name',
  'family_name',
  'picture',
  'locale',
  'timezone',
  'gender',
];
const FACEBOOK_FIELDS = ['id', 'email', 'name', 'first_name', 'last_name', 'link', 'gender', 'locale', 'age_range'];
const FACEBOOK_API_VERSION = 'v2.9';
const TWITTER_FIELDS = ['id', 'name', 'description', 'profile_image_url', 'profile_image_url_https', 'lang', 'email'];

export interface OAuthProvider {
  /** Rocket.Chat's settings key part: `Accounts_OAuth_<key>` */
  settingsKey: string;
  label: string;
  defaultApiUrl: string;
  identify(options: Record<string, unknown>, config: OAuthServiceConfig): Promise<OAuthIdentityResult>;
}

export const OAUTH_PROVIDERS: Record<OAuthServiceName, OAuthProvider> = {
  google: {
    settingsKey: 'Google',
    label: 'Google',
    defaultApiUrl: 'https://www.googleapis.com',
    async identify(options, config) {
      checkOptions(options, { accessToken: 'String', idToken: 'String', expiresIn: 'Integer', scope: 'Maybe String' });
      const token = options.accessToken as string;
      const identity = await fetchJson(
        apiUrl(config.apiUrl, '/oauth2/v1/userinfo', { access_token: token }),
        'Google',
        'identity',
        config.timeoutMs,
      );
      let scope: unknown = options.scope;
      if (!scope) {
        const info = await fetchJson(
          apiUrl(config.apiUrl, '/oauth2/v1/tokeninfo', { access_token: token }),
          'Google',
          'tokeninfo',
          config.timeoutMs,
        );
        scope = (typeof info.scope === 'string' ? info.scope : '').split(' ').filter(Boolean);
      }
      const serviceData: Record<string, unknown> = {
        accessToken: token,
        idToken: options.idToken,
        expiresAt: expiresAt(options.expiresIn),
        scope,
        ...pick(identity, GOOGLE_FIELDS, false),
      };
      if (typeof options.refreshToken === 'string') {
        serviceData.refreshToken = options.refreshToken;
      }
      return { serviceData, profileName: typeof identity.name === 'string' ? identity.name : undefined };
    },
  },
  facebook: {
    settingsKey: 'Facebook',
    label: 'Facebook',
    defaultApiUrl: 'https://graph.facebook.com',
    async identify(options, config) {
      // Rocket.Chat signs with the `secret` the client sends; the configured app secret stands in when absent
      const withSecret: Record<string, unknown> = {
        ...options,
        secret: options.secret ?? (config.secret || undefined),
      };
      checkOptions(withSecret, { accessToken: 'String', secret: 'String', expiresIn: 'Integer' });
      const token = withSecret.accessToken as string;
      const identity = await fetchJson(
        apiUrl(config.apiUrl, `/${FACEBOOK_API_VERSION}/me`, {
          access_token: token,
          appsecret_proof: appSecretProof(token, withSecret.secret as string),
          fields: FACEBOOK_FIELDS.join(','),
        }),
        'Facebook',
        'identity',
        config.timeoutMs,
      );
      return {
        serviceData: {
          accessToken: token,
          expiresAt: expiresAt(options.expiresIn),
          ...pick(identity, FACEBOOK_FIELDS, true),
        },
        profileName: typeof identity.name === 'string' ? identity.name : undefined,
      };
    },
  },
  twitter: {
    settingsKey: 'Twitter',
    label: 'Twitter',
    defaultApiUrl: 'https://api.twitter.com',
    async identify(options, config) {
      // consumer key/secret from the request as Rocket.Chat takes them, else from the service configuration
      const o: Record<string, unknown> = {
        ...options,
        appId: options.appId ?? (config.clientId || undefined),
        appSecret: options.appSecret ?? (config.secret || undefined),
      };
      checkOptions(o, {
        accessToken: 'String',
        appSecret: 'String',
        appId: 'String',
        accessTokenSecret: 'String',
        expiresIn: 'Integer',
      });
      const url = apiUrl(config.apiUrl, '/1.1/account/verify_credentials.json', { include_email: 'true' });
      const authorization = oauth1AuthorizationHeader(
        { method: 'GET', url },
        {
          consumerKey: o.appId as string,
          consumerSecret: o.appSecret as string,
          token: o.accessToken as string,
          tokenSecret: o.accessTokenSecret as string,
        },
      );
      const identity = await fetchJson(url, 'Twitter', 'identity', config.timeoutMs, { Authorization: authorization });
      const serviceData: Record<string, unknown> = {
        accessToken: o.accessToken,
        expiresAt: expiresAt(options.expiresIn),
        ...pick(identity, TWITTER_FIELDS, true),
      };
      // 64-bit ids lose digits as JSON numbers; `id_str` is exact (look-ups accept both forms)
      if (typeof identity.id_str === 'string' && identity.id_str) {
        serviceData.id = identity.id_str;
      }
      return { serviceData, profileName: typeof identity.name === 'string' ? identity.name : undefined };
    },
  },
};

export function isOAuthServiceName(name: unknown): name is OAuthServiceName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(OAUTH_PROVIDERS, name);
}
