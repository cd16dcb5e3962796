import { messageSearchFilter } from './message-search';

const me = { _id: 'u1', username: 'alice' };

describe('messageSearchFilter (chat.search text)', () => {
  it('matches the words as one escaped, case-insensitive expression', () => {
    expect(messageSearchFilter('a.b (c)', me).filter).toEqual({ msg: { $regex: 'a\\.b \\(c\\)', $options: 'i' } });
  });

  it('reads the modifiers, `me` being the caller', () => {
    const { filter, sort } = messageSearchFilter('from:me mention:@bob has:star is:pinned has:url order:asc hi', me);
    expect(filter).toEqual({
      'u.username': { $regex: '^alice$', $options: 'i' },
      'mentions.username': { $regex: '^bob$', $options: 'i' },
      'starred._id': 'u1',
      pinned: true,
      'urls.0': { $exists: true },
      msg: { $regex: 'hi', $options: 'i' },
    });
    expect(sort).toEqual({ ts: 1 });
  });

  it('turns before/after/on into a time window and keeps unknown modifiers as text', () => {
    const { filter } = messageSearchFilter('on:02-01-2024 has:nothing', me);
    expect(filter.ts).toEqual({ $gte: new Date('2024-01-02T00:00:00Z'), $lt: new Date('2024-01-03T00:00:00Z') });
    expect(filter.msg).toEqual({ $regex: 'has:nothing', $options: 'i' });
  });

  it('bounds the text it reads', () => {
    const { filter } = messageSearchFilter('x'.repeat(10_000), me);
    expect((filter.msg as { $regex: string }).$regex).toHaveLength(256);
  });
});
