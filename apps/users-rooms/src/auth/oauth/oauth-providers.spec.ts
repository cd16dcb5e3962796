import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { hmacSha1Signature, signatureBaseString } from './oauth1';
import {
  apiUrl,
  appSecretProof,
  checkOptions,
  OAUTH_PROVIDERS,
  OAuthOptionsError,
  OAuthProviderError,
  OAuthServiceConfig,
} from './oauth-providers';

describe('OAuth access-token providers', () => {
  describe('option checks (Meteor check messages)', () => {
    const spec = { accessToken: 'String', expiresIn: 'Integer', scope: 'Maybe String' } as const;

    it('accepts complete options', () => {
      expect(() => checkOptions({ accessToken: 't', expiresIn: 3600 }, spec)).not.toThrow();
    });

    it('names a missing key', () => {
      expect(() => checkOptions({ expiresIn: 1 }, spec)).toThrow(
        new OAuthOptionsError("Match error: Missing key 'accessToken'"),
      );
    });

    it('names a wrong type', () => {
      expect(() => checkOptions({ accessToken: 1, expiresIn: 1 }, spec)).toThrow(
        'Match error: Expected string, got number in field accessToken',
      );
      expect(() => checkOptions({ accessToken: 't', expiresIn: 1.5 }, spec)).toThrow(
        'Match error: Expected Integer, got number in field expiresIn',
      );
      expect(() => checkOptions({ accessToken: 't', expiresIn: '1' }, spec)).toThrow(
        'Match error: Expected Integer, got string in field expiresIn',
      );
    });
  });

  it("computes Facebook's appsecret_proof (HMAC-SHA256 of the token, hex)", () => {
    expect(appSecretProof('EAAB-token', 'app-secret')).toBe(
      '294c307ff2427ed2140908ec13f483ef7f7d7819a8fc32fb535cf6ada2327ab2',
    );
  });

  it('joins API base URLs with a path prefix and query', () => {
    expect(apiUrl('http://127.0.0.1:9/google/', '/oauth2/v1/userinfo', { access_token: 'a b' })).toBe(
      'http://127.0.0.1:9/google/oauth2/v1/userinfo?access_token=a+b',
    );
  });

  describe('against a fake provider', () => {
    let server: Server;
    let config: OAuthServiceConfig;
    const seen: { url: string; authorization?: string }[] = [];

    const twitterSignatureOk = (req: IncomingMessage, url: URL): boolean => {
      const header = req.headers.authorization ?? '';
      const params = Object.fromEntries(
        [...header.replace(/^OAuth /, '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], decodeURIComponent(m[2])]),
      );
      const { oauth_signature: signature, ...oauth } = params;
      const signed = `http://${req.headers.host}${url.pathname}${url.search}`;
      const base = signatureBaseString({ method: req.method ?? 'GET', url: signed }, oauth);
      return (
        oauth.oauth_consumer_key === 'ck' &&
        oauth.oauth_token === 'tw-token' &&
        signature === hmacSha1Signature(base, 'cs', 'tw-secret')
      );
    };

    beforeAll(async () => {
      server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        seen.push({ url: url.pathname + url.search, authorization: req.headers.authorization });
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (url.pathname === '/oauth2/v1/userinfo') {
          return url.searchParams.get('access_token') === 'g-token'
            ? send(200, { id: '1001', email: 'g@example.com', verified_email: true, name: 'G User', hd: 'x' })
            : send(401, { error: { code: 401, message: 'Invalid Credentials' } });
        }
        if (url.pathname === '/oauth2/v1/tokeninfo') {
          return send(200, { scope: 'openid email profile' });
        }
        if (url.pathname === '/v2.9/me') {
          const ok =
            url.searchParams.get('access_token') === 'fb-token' &&
            url.searchParams.get('appsecret_proof') === appSecretProof('fb-token', 'fb-secret');
          return ok
            ? send(200, { id: '2002', name: 'F User', email: 'f@example.com', link: '' })
            : send(400, { error: { message: 'Invalid appsecret_proof provided in the API argument' } });
        }
        if (url.pathname === '/1.1/account/verify_credentials.json') {
          return twitterSignatureOk(req, url)
            ? res.writeHead(200, { 'Content-Type': 'application/json' }) &&
                res.end('{"id":1234567890123456789,"id_str":"1234567890123456789","name":"T User","lang":null}')
            : send(401, { errors: [{ code: 32, message: 'Could not authenticate you.' }] });
        }
        if (url.pathname === '/slow') {
          return void setTimeout(() => send(200, {}), 2000).unref();
        }
        send(404, {});
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      config = { clientId: '', secret: '', apiUrl: `http://127.0.0.1:${port}`, timeoutMs: 1000 };
    });

    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('Google: userinfo, then tokeninfo for the scopes when none is given', async () => {
      const sut = OAUTH_PROVIDERS.google;
      const r = await sut.identify({ accessToken: 'g-token', idToken: 'id', expiresIn: 60 }, config);
      expect(r.profileName).toBe('G User');
      expect(r.serviceData).toEqual(
        expect.objectContaining({
          id: '1001',
          email: 'g@example.com',
          verified_email: true,
          accessToken: 'g-token',
          idToken: 'id',
          scope: ['openid', 'email', 'profile'],
          expiresAt: expect.any(Number),
        }),
      );
      expect(r.serviceData.hd).toBeUndefined();
    });

    it('Google: a refused token is "Failed to fetch identity from Google."', async () => {
      await expect(
        OAUTH_PROVIDERS.google.identify({ accessToken: 'nope', idToken: 'id', expiresIn: 60 }, config),
      ).rejects.toThrow(
        new OAuthProviderError(
          `Failed to fetch identity from Google. {"error":{"code":401,"message":"Invalid Credentials"}}`,
        ),
      );
    });

    it('Facebook: /me with fields and the appsecret_proof of the given or configured secret', async () => {
      const sut = OAUTH_PROVIDERS.facebook;
      const r = await sut.identify({ accessToken: 'fb-token', secret: 'fb-secret', expiresIn: 60 }, config);
      expect(r.serviceData).toEqual(expect.objectContaining({ id: '2002', name: 'F User', email: 'f@example.com' }));
      expect(r.serviceData).not.toHaveProperty('link');
      const last = seen[seen.length - 1].url;
      expect(last).toContain('fields=id%2Cemail%2Cname%2Cfirst_name%2Clast_name%2Clink%2Cgender%2Clocale%2Cage_range');
      await expect(
        sut.identify({ accessToken: 'fb-token', expiresIn: 60 }, { ...config, secret: 'fb-secret' }),
      ).resolves.toEqual(expect.objectContaining({ profileName: 'F User' }));
      await expect(sut.identify({ accessToken: 'fb-token', expiresIn: 60 }, config)).rejects.toThrow(
        "Match error: Missing key 'secret'",
      );
      await expect(sut.identify({ accessToken: 'fb-token', secret: 'wrong', expiresIn: 60 }, config)).rejects.toThrow(
        'Failed to fetch identity from Facebook. {"error":{"message":"Invalid appsecret_proof',
      );
    });

    it('Twitter: verify_credentials signed with OAuth 1.0a; the exact id_str is kept', async () => {
      const sut = OAUTH_PROVIDERS.twitter;
      const options = {
        accessToken: 'tw-token',
        accessTokenSecret: 'tw-secret',
        appId: 'ck',
        appSecret: 'cs',
        expiresIn: 60,
      };
      const r = await sut.identify(options, config);
      expect(r.serviceData).toEqual(expect.objectContaining({ id: '1234567890123456789', name: 'T User' }));
      expect(r.serviceData).not.toHaveProperty('lang');
      expect(seen[seen.length - 1].url).toBe('/1.1/account/verify_credentials.json?include_email=true');
      await expect(
        sut.identify(
          { ...options, appId: undefined, appSecret: undefined },
          { ...config, clientId: 'ck', secret: 'cs' },
        ),
      ).resolves.toEqual(expect.objectContaining({ profileName: 'T User' }));
      await expect(sut.identify({ ...options, accessTokenSecret: 'bad' }, config)).rejects.toThrow(
        'Failed to fetch identity from Twitter. {"errors":[{"code":32,"message":"Could not authenticate you."}]}',
      );
    });

    it('gives up on a provider that does not answer in time, and on one that is not there', async () => {
      const slow = { ...config, apiUrl: `${config.apiUrl}/slow#`, timeoutMs: 200 };
      await expect(
        OAUTH_PROVIDERS.google.identify({ accessToken: 'g-token', idToken: 'i', expiresIn: 1 }, slow),
      ).rejects.toThrow(/^Failed to fetch identity from Google\. .*(timeout|aborted)/i);
      const gone = { ...config, apiUrl: 'http://127.0.0.1:1' };
      await expect(
        OAUTH_PROVIDERS.google.identify({ accessToken: 'g-token', idToken: 'i', expiresIn: 1 }, gone),
      ).rejects.toThrow(/^Failed to fetch identity from Google\. /);
    });
  });
});
