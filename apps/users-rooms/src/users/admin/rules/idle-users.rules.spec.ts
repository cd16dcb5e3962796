import { idleCutoff, idleUsersFilter, isIdle } from './idle-users.rules';

describe(idleCutoff.name, () => {
  const now = new Date('2024-03-31T12:00:00Z');

  it('goes back whole calendar days', () => {
    expect(idleCutoff(now, 0).getTime()).toBe(now.getTime());
    expect(idleCutoff(now, 30).getTime()).toBe(new Date(2024, 2, 31 - 30, now.getHours(), 0, 0).getTime());
  });

  it('counts a started day as a whole one (Date#setDate truncates the day number)', () => {
    expect(idleCutoff(now, 1.1).getTime()).toBe(idleCutoff(now, 2).getTime());
    expect(idleCutoff(now, 1.9).getTime()).toBe(idleCutoff(now, 2).getTime());
  });

  it('goes back at most to the earliest date there is, whatever the number of days (1e308, Infinity)', () => {
    for (const days of [1e8 + 20000, 1e15, 1e308, Infinity]) {
      const cutoff = idleCutoff(now, days);
      expect(Number.isNaN(cutoff.getTime())).toBe(false);
      expect(cutoff.getTime()).toBe(-8.64e15);
      expect(cutoff.toISOString()).toBe('-271821-04-20T00:00:00.000Z');
    }
    // nobody was created or logged in that early
    expect(
      isIdle({ _id: 'u', active: true, roles: ['user'], createdAt: new Date(0) }, idleCutoff(now, 1e308), 'user', 'me'),
    ).toBe(false);
  });

  it('does not change the date it is given', () => {
    const copy = new Date(now.getTime());
    idleCutoff(copy, 5);
    expect(copy.getTime()).toBe(now.getTime());
  });
});

describe(isIdle.name, () => {
  const cutoff = new Date('2024-03-01T00:00:00Z');
  const before = new Date('2024-02-01T00:00:00Z');
  const after = new Date('2024-03-15T00:00:00Z');
  const base = { _id: 'u1', active: true, roles: ['user'] };

  it('takes users whose last login is at or before the cut-off', () => {
    expect(isIdle({ ...base, lastLogin: before, createdAt: before }, cutoff, 'user', 'me')).toBe(true);
    expect(isIdle({ ...base, lastLogin: cutoff, createdAt: before }, cutoff, 'user', 'me')).toBe(true);
    expect(isIdle({ ...base, lastLogin: after, createdAt: before }, cutoff, 'user', 'me')).toBe(false);
  });

  it('takes users who never logged in only when they are older than the cut-off', () => {
    expect(isIdle({ ...base, createdAt: before }, cutoff, 'user', 'me')).toBe(true);
    expect(isIdle({ ...base, createdAt: after }, cutoff, 'user', 'me')).toBe(false);
  });

  it('leaves the caller, inactive users and users without the role alone', () => {
    expect(isIdle({ ...base, createdAt: before }, cutoff, 'user', 'u1')).toBe(false);
    expect(isIdle({ ...base, active: false, createdAt: before }, cutoff, 'user', 'me')).toBe(false);
    expect(isIdle({ ...base, roles: ['bot'], createdAt: before }, cutoff, 'user', 'me')).toBe(false);
  });
});

describe(idleUsersFilter.name, () => {
  it('is Rocket.Chat’s selector plus the caller exclusion', () => {
    const cutoff = new Date('2024-03-01T00:00:00Z');
    expect(idleUsersFilter(cutoff, 'guest', 'me')).toEqual({
      _id: { $ne: 'me' },
      active: true,
      roles: 'guest',
      $or: [{ lastLogin: { $exists: false }, createdAt: { $lte: cutoff } }, { lastLogin: { $lte: cutoff } }],
    });
  });
});
