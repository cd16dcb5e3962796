import { numberedUsername, slugify, usernameCandidates } from './username';

describe('OAuth usernames', () => {
  it('slugifies names to Rocket.Chat-valid usernames', () => {
    expect(slugify('John Doe')).toBe('john.doe');
    expect(slugify('  Zoë  Ångström-Öst ')).toBe('zoe.angstrom-ost');
    expect(slugify('李 小龍')).toBe('');
    expect(slugify('a!!b??c')).toBe('a.b.c');
    expect(slugify('..x..')).toBe('x');
  });

  it('derives candidates from the name, then a verified e-mail', () => {
    expect(usernameCandidates({ name: 'John Ronald Doe', email: 'jdoe@example.com', emailVerified: true })).toEqual([
      'john.ronald.doe',
      'jdoe',
      'johnd',
      'jdoe.example',
    ]);
  });

  it('ignores unverified e-mails, empty slugs and the reserved "all"', () => {
    expect(usernameCandidates({ name: 'All', email: 'x@y.z', emailVerified: false })).toEqual([]);
    expect(usernameCandidates({ name: '李', email: 'li@example.org', emailVerified: true })).toEqual([
      'li',
      'li.example',
    ]);
    expect(usernameCandidates({})).toEqual([]);
  });

  it('keeps names as typed when UTF8_Names_Slugify is off', () => {
    expect(usernameCandidates({ name: 'John Doe', slugifyNames: false })).toEqual(['John Doe', 'JDoe', 'JohnD']);
  });

  it('numbers the fallback', () => {
    expect(numberedUsername('user', 3)).toBe('user-3');
  });
});
