import { RcError } from '@app/envelope';
import { parseUpdatedSince, unreadBy } from './subscriptions.service';

describe('subscription rules', () => {
  const counts = { all: 5, user: 2, group: 1, either: 3 };

  it('counts unread messages as Unread_Count / Unread_Count_DM say', () => {
    expect(unreadBy('all_messages', counts)).toBe(5);
    expect(unreadBy('user_mentions_only', counts)).toBe(2);
    expect(unreadBy('group_mentions_only', counts)).toBe(1);
    expect(unreadBy('user_and_group_mentions_only', counts)).toBe(3);
    expect(unreadBy('anything else', counts)).toBe(3);
  });

  it('parses updatedSince, refusing what is not a date with the endpoint error', () => {
    expect(parseUpdatedSince(undefined, 'error-updatedSince-param-invalid', 'x')).toBeUndefined();
    expect(parseUpdatedSince('', 'error-updatedSince-param-invalid', 'x')).toBeUndefined();
    expect(parseUpdatedSince('2024-01-02T03:04:05.000Z', 'error-updatedSince-param-invalid', 'x')).toEqual(
      new Date('2024-01-02T03:04:05.000Z'),
    );
    expect(() => parseUpdatedSince('soon', 'error-updatedSince-param-invalid', 'bad')).toThrow(RcError);
  });
});
