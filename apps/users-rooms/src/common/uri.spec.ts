import { encodeUriLoosely } from './uri';

describe(encodeUriLoosely.name, () => {
  it('encodes like encodeURI', () => {
    expect(encodeUriLoosely('http://h/a b?c=d&e=é')).toBe(encodeURI('http://h/a b?c=d&e=é'));
    expect(encodeUriLoosely('http://h/😀')).toBe(encodeURI('http://h/😀'));
  });

  it('writes a lone surrogate as U+FFFD where encodeURI throws', () => {
    expect(() => encodeURI('a\ud800b')).toThrow(URIError);
    expect(encodeUriLoosely('a\ud800b')).toBe('a%EF%BF%BDb');
    expect(encodeUriLoosely('\udc00')).toBe('%EF%BF%BD');
  });
});
