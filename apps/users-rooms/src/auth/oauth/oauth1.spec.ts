import { hmacSha1Signature, oauth1AuthorizationHeader, percentEncode, signatureBaseString } from './oauth1';

/** The worked example of Twitter's "Creating a signature" guide. */
const EXAMPLE = {
  req: {
    method: 'POST',
    url: 'https://api.twitter.com/1.1/statuses/update.json?include_entities=true',
    body: { status: 'Hello Ladies + Gentlemen, a signed OAuth request!' },
  },
  oauth: {
    oauth_consumer_key: 'xvz1evFS4wEEPTGEFPHBog',
    oauth_nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: '1318622958',
    oauth_token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
    oauth_version: '1.0',
  },
  consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
  tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
};

describe('OAuth 1.0a signing', () => {
  it('percent-encodes as RFC 3986 says', () => {
    expect(percentEncode("Ladies + Gentlemen!*'()~")).toBe('Ladies%20%2B%20Gentlemen%21%2A%27%28%29~');
  });

  it('builds the signature base string of the documented example', () => {
    expect(signatureBaseString(EXAMPLE.req, EXAMPLE.oauth)).toBe(
      'POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26' +
        'oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26' +
        'oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26' +
        'oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26' +
        'status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521',
    );
  });

  it('signs the documented example', () => {
    const base = signatureBaseString(EXAMPLE.req, EXAMPLE.oauth);
    expect(hmacSha1Signature(base, EXAMPLE.consumerSecret, EXAMPLE.tokenSecret)).toBe('hCtSmYh+iHYCEqBWrE7C7hYmtUk=');
  });

  it('puts the signature and every oauth_* parameter in the header', () => {
    const header = oauth1AuthorizationHeader(
      EXAMPLE.req,
      {
        consumerKey: EXAMPLE.oauth.oauth_consumer_key,
        consumerSecret: EXAMPLE.consumerSecret,
        token: EXAMPLE.oauth.oauth_token,
        tokenSecret: EXAMPLE.tokenSecret,
      },
      EXAMPLE.oauth.oauth_nonce,
      EXAMPLE.oauth.oauth_timestamp,
    );
    expect(header).toBe(
      'OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", ' +
        'oauth_signature="hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D", oauth_signature_method="HMAC-SHA1", ' +
        'oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", ' +
        'oauth_version="1.0"',
    );
  });
});
