import { RcError } from '@app/envelope';
import {
  DEFAULT_PAGING_SETTINGS,
  isFieldPath,
  parsePagination,
  parseFields,
  parseQuery,
  parseSort,
  reviveQuery,
} from './paging';

function errorTypeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as RcError).payload.errorType;
  }
  return undefined;
}

describe('paging', () => {
  it('uses the default count and caps at the upper limit', () => {
    expect(parsePagination({}, DEFAULT_PAGING_SETTINGS)).toEqual({ offset: 0, count: 50 });
    expect(parsePagination({ count: '500', offset: '10' }, DEFAULT_PAGING_SETTINGS)).toEqual({
      offset: 10,
      count: 100,
    });
  });

  it('treats count=0 as everything only when infinite count is allowed', () => {
    expect(parsePagination({ count: '0' }, DEFAULT_PAGING_SETTINGS).count).toBe(0);
    expect(parsePagination({ count: '0' }, { ...DEFAULT_PAGING_SETTINGS, API_Allow_Infinite_Count: false }).count).toBe(
      50,
    );
  });

  it('falls back to 50/100 when the settings are not positive', () => {
    expect(
      parsePagination(
        { count: '1000' },
        { API_Default_Count: 0, API_Upper_Count_Limit: -1, API_Allow_Infinite_Count: true },
      ),
    ).toEqual({ offset: 0, count: 100 });
  });

  it('rejects a non-numeric count', () => {
    expect(errorTypeOf(() => parsePagination({ count: 'abc' }, DEFAULT_PAGING_SETTINGS))).toBe('invalid-params');
  });

  it('accepts sort values 1 and -1 only', () => {
    expect(parseSort('{"name":-1,"ts":1}')).toEqual({ name: -1, ts: 1 });
    expect(errorTypeOf(() => parseSort('{"name":2}'))).toBe('error-invalid-sort');
    expect(errorTypeOf(() => parseSort('{not json'))).toBe('error-invalid-sort');
  });

  it('accepts fields 0/1, drops hidden ones', () => {
    expect(parseFields('{"username":1,"services":1}', { hiddenFields: ['services'] })).toEqual({ username: 1 });
    expect(errorTypeOf(() => parseFields('{"username":"yes"}'))).toBe('error-invalid-fields');
  });

  it('lets allow-listed operators through', () => {
    const q = parseQuery(
      '{"name":{"$regex":"g","$options":"i"},"$or":[{"active":true},{"_updatedAt":{"$gt":{"$date":"2018-11-21T15:27:28.202Z"}}}]}',
    );
    expect(q).toBeDefined();
  });

  it.each(['$where', '$function', '$expr', '$accumulator', '$jsonSchema', '$lookup'])('refuses %s anywhere', (op) => {
    expect(errorTypeOf(() => parseQuery(JSON.stringify({ [op]: 'sleep(1000)' })))).toBe('error-invalid-query');
    expect(errorTypeOf(() => parseQuery(JSON.stringify({ name: { [op]: 'x' } })))).toBe('error-invalid-query');
    expect(errorTypeOf(() => parseQuery(JSON.stringify({ $or: [{ name: { $not: { [op]: 1 } } }] })))).toBe(
      'error-invalid-query',
    );
  });

  it('refuses fields outside the allow-list and hidden fields', () => {
    expect(errorTypeOf(() => parseQuery('{"secret":1}', { queryFields: ['name'] }))).toBe('error-invalid-query');
    expect(errorTypeOf(() => parseQuery('{"services.password":1}', { hiddenFields: ['services'] }))).toBe(
      'error-invalid-query',
    );
    expect(parseQuery('{"name":"x"}', { queryFields: ['name'] })).toEqual({ name: 'x' });
  });

  it('revives EJSON dates', () => {
    const q = reviveQuery({ _updatedAt: { $gt: { $date: 1542814057000 } } });
    expect(q._updatedAt.$gt).toBeInstanceOf(Date);
  });

  it('refuses field paths the database cannot take: empty, an empty or $ segment, a NUL byte', () => {
    for (const key of ['', 'a..b', '.a', 'a.', 'a.$b', 'a\u0000b']) {
      const json = JSON.stringify({ [key]: 1 });
      expect(() => parseSort(json)).toThrow(
        expect.objectContaining({ payload: expect.objectContaining({ errorType: 'error-invalid-sort' }) }),
      );
      expect(() => parseFields(json)).toThrow(
        expect.objectContaining({ payload: expect.objectContaining({ errorType: 'error-invalid-fields' }) }),
      );
      expect(() => parseQuery(json)).toThrow(
        expect.objectContaining({ payload: expect.objectContaining({ errorType: 'error-invalid-query' }) }),
      );
    }
    expect(() => parseQuery('{"name":{"a\\u0000":1}}')).toThrow();
    expect(() => parseQuery('{"emails":{"$elemMatch":{"addr\\u0000ess":1}}}')).toThrow();
    expect(parseSort('{"a.b":1}')).toEqual({ 'a.b': 1 });
    expect(isFieldPath('settings.preferences.language')).toBe(true);
  });
});
