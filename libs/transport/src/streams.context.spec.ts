import { callIdOf, withCallId } from './streams.context';

describe('a payload with its call id', () => {
  it('gives the id back, and nothing else sees it', () => {
    const p = withCallId({ rid: 'r1', caller: { _id: 'u1' } }, 'client:1');
    expect(callIdOf(p)).toBe('client:1');
    expect(Object.keys(p)).toEqual(['rid', 'caller']);
    expect(JSON.stringify(p)).toBe('{"rid":"r1","caller":{"_id":"u1"}}');
    expect(callIdOf({ ...p })).toBeUndefined();
  });

  it('leaves values that are not objects as they are', () => {
    expect(withCallId(null, 'c')).toBeNull();
    expect(withCallId(7, 'c')).toBe(7);
    expect(withCallId('x', 'c')).toBe('x');
    expect(callIdOf(undefined)).toBeUndefined();
    expect(callIdOf({})).toBeUndefined();
  });
});
