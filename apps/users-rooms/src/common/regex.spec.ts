import { escapeRegExp, exactInsensitive } from './regex';

describe('escapeRegExp', () => {
  it('escapes every metacharacter, so the text matches only itself', () => {
    const text = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o';
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
    expect(new RegExp(`^${escapeRegExp('a.c')}$`).test('abc')).toBe(false);
  });

  it('writes a NUL byte as \\x00: the pattern MongoDB receives holds no NUL, and still matches it', () => {
    const escaped = escapeRegExp('a\u0000b');
    expect(escaped).toBe('a\\x00b');
    expect(escaped.includes('\u0000')).toBe(false);
    expect(exactInsensitive('A\u0000b').source.includes('\u0000')).toBe(false);
    expect(exactInsensitive('A\u0000b').test('a\u0000B')).toBe(true);
    expect(exactInsensitive('A\u0000b').test('ab')).toBe(false);
  });

});
