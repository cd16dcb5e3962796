import { createHash } from 'node:crypto';
import { suggestionCandidates } from './avatar-suggestions';

describe('avatar suggestion candidates', () => {
  it('offers the picture of each linked login service, then Gravatar for a verified address', () => {
    const candidates = suggestionCandidates({
      username: 'ada',
      services: {
        facebook: { id: '42' },
        google: { picture: 'https://lh3.example/photo.jpg' },
        github: { username: 'ada-l' },
        twitter: { profile_image_url_https: 'https://pbs.example/ada_normal.png' },
        gitlab: { avatar_url: 'https://gitlab.example/ada.png' },
      },
      emails: [
        { address: 'unverified@example.com', verified: false },
        { address: ' Ada@Example.com ', verified: true },
      ],
    });
    const hash = createHash('md5').update('ada@example.com').digest('hex');
    expect(candidates).toEqual([
      { service: 'facebook', url: 'https://graph.facebook.com/42/picture?type=large' },
      { service: 'google', url: 'https://lh3.example/photo.jpg' },
      { service: 'github', url: 'https://avatars.githubusercontent.com/ada-l?s=200' },
      // the full-size image, not the 48px `_normal` one
      { service: 'twitter', url: 'https://pbs.example/ada.png' },
      { service: 'gitlab', url: 'https://gitlab.example/ada.png' },
      { service: 'gravatar', url: `https://secure.gravatar.com/avatar/${hash}?default=404&size=200` },
    ]);
  });

  it('offers nothing without services or a verified address, and ignores blank or odd values', () => {
    expect(suggestionCandidates({ username: 'x', emails: [{ address: 'x@example.com', verified: false }] })).toEqual(
      [],
    );
    expect(
      suggestionCandidates({
        username: 'x',
        services: { google: { picture: '  ' }, facebook: { id: 7 }, github: {} },
      }),
    ).toEqual([]);
  });

  it('escapes ids and names that end up in a URL path', () => {
    const [facebook, github] = suggestionCandidates({
      username: 'x',
      services: { facebook: { id: '1/../2' }, github: { username: 'a b' } },
    });
    expect(facebook.url).toBe('https://graph.facebook.com/1%2F..%2F2/picture?type=large');
    expect(github.url).toBe('https://avatars.githubusercontent.com/a%20b?s=200');
  });
});
