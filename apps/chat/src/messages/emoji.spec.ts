import { isStandardEmoji, reactionKey } from './emoji';

describe('emoji', () => {
  it('knows standard short names and their alternates, not made-up ones', () => {
    expect(isStandardEmoji(':thumbsup:')).toBe(true);
    expect(isStandardEmoji(':+1:')).toBe(true);
    expect(isStandardEmoji(':no_such_emoji_here:')).toBe(false);
  });

  it('spells a reaction with colons whatever the input', () => {
    expect(reactionKey('smile')).toBe(':smile:');
    expect(reactionKey(':smile:')).toBe(':smile:');
    expect(reactionKey(':smile')).toBe(':smile:');
  });
});
