import { parseQuery } from './paging';
import { MAX_REGEX_LENGTH, regexOptionsRefusal, regexRefusal } from './regex-bound';

describe(regexRefusal.name, () => {
  it.each([
    'g',
    '^rocket',
    'cat$',
    '^a.*b$',
    'foo|bar',
    '(foo|bar)',
    '[a-z]+\\d{2,4}',
    '(ab)?c',
    '(?:x)y',
    'a{3}',
    '^(ab){2}$',
  ])('lets %s through', (pattern) => {
    expect(regexRefusal(pattern)).toBeUndefined();
  });

  it.each([
    ['(a+)+$', 'a repeated group that repeats'],
    ['(a*)*b', 'a repeated group that repeats'],
    ['(.*){20}', 'a repeated group that repeats'],
    ['(a?){25}a{25}', 'a repeated group with an optional part'],
    ['(a|aa)+$', 'a repeated alternation'],
    ['(x+x+)+y', 'repetition inside repetition'],
    ['((ab)*c)+', 'a nested repeated group'],
    ['.*.*.*.*x', 'four quantifiers'],
    ['(a?)(a?)(a?)(a?)aaaa', 'four optional parts'],
    ['(a)\\1', 'a back-reference'],
    ['(?<n>a)\\k<n>', 'a named back-reference'],
    ['(', 'a pattern that does not compile'],
    ['a\u0000', 'a NUL byte'],
    ['a'.repeat(MAX_REGEX_LENGTH + 1), 'a pattern that is too long'],
  ])('refuses %s (%s)', (pattern) => {
    expect(regexRefusal(pattern)).toEqual(expect.any(String));
  });

  it('refuses what is not a string', () => {
    expect(regexRefusal({ $ne: 1 })).toBe('$regex expects a string');
    expect(regexRefusal(1)).toBe('$regex expects a string');
  });

  it('takes the options MongoDB and JavaScript read alike', () => {
    expect(regexOptionsRefusal('i')).toBeUndefined();
    expect(regexOptionsRefusal('ims')).toBeUndefined();
    expect(regexOptionsRefusal('x')).toBe('Invalid $options');
    expect(regexOptionsRefusal('zz')).toBe('Invalid $options');
    expect(regexOptionsRefusal(1)).toBe('Invalid $options');
  });

  it('decides in linear time on 50 KB of pathological pattern', () => {
    const started = Date.now();
    expect(regexRefusal('(a+)+'.repeat(10_000))).toEqual(expect.any(String));
    expect(regexRefusal('('.repeat(50_000))).toEqual(expect.any(String));
    expect(Date.now() - started).toBeLessThan(200);
  });
});

describe('parseQuery with $regex', () => {
  it('answers a refused pattern with error-invalid-query', () => {
    expect(() => parseQuery('{"username":{"$regex":"(a+)+$"}}')).toThrow(
      expect.objectContaining({ payload: expect.objectContaining({ errorType: 'error-invalid-query' }) }),
    );
    expect(() => parseQuery('{"username":{"$regex":"("}}')).toThrow();
    expect(() => parseQuery('{"username":{"$regex":"a","$options":"x"}}')).toThrow();
    expect(() => parseQuery('{"username":{"$not":{"$regex":"(a|a)*"}}}')).toThrow();
  });

  it('keeps a bounded pattern', () => {
    expect(parseQuery('{"username":{"$regex":"^rocket","$options":"i"}}')).toEqual({
      username: { $regex: '^rocket', $options: 'i' },
    });
  });
});
