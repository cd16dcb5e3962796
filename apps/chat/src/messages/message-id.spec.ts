import { mentionedUsernames, messageIdFor } from './message-id';

describe('message ids and mentions', () => {
  it('derives the same 17-character id from the same request id', () => {
    const id = messageIdFor('req-1');
    expect(id).toHaveLength(17);
    expect(messageIdFor('req-1')).toBe(id);
    expect(messageIdFor('req-2')).not.toBe(id);
  });

  it('finds @mentions', () => {
    expect(mentionedUsernames('hi @alice and @bob.smith, @all!')).toEqual(['alice', 'bob.smith', 'all']);
    expect(mentionedUsernames('mail me at a@b.c')).toEqual([]);
  });
});
