/** The earliest instant a Date (and a BSON date) can hold: 100,000,000 days before 1970. */
const EARLIEST = -8.64e15;

/**
 * users.deactivateIdle's cut-off, as Rocket.Chat computes it: today's date minus `daysIdle` calendar days
 * (`Date#setDate`, which truncates the resulting day number: a started day counts as a whole one). More days than
 * a date can go back (`daysIdle: 1e308`) give the earliest date there is, so nobody is that idle; an invalid date
 * would make the database refuse the query.
 */
export function idleCutoff(now: Date, daysIdle: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setDate(cutoff.getDate() - daysIdle);
  return Number.isNaN(cutoff.getTime()) ? new Date(EARLIEST) : cutoff;
}

/**
 * Rocket.Chat's `Users.setActiveNotLoggedInAfterWithRole` selector: active users holding `role` who logged in
 * last at or before the cut-off, or never logged in and were created at or before it. The caller is never
 * included (an admin does not lock themselves out).
 */
export function idleUsersFilter(cutoff: Date, role: string, callerId: string): Record<string, unknown> {
  return {
    _id: { $ne: callerId },
    active: true,
    roles: role,
    $or: [{ lastLogin: { $exists: false }, createdAt: { $lte: cutoff } }, { lastLogin: { $lte: cutoff } }],
  };
}

/** Whether one user document matches `idleUsersFilter` (the same rule, for tests and double checks). */
export function isIdle(
  user: { _id: string; active?: boolean; roles?: string[]; lastLogin?: Date; createdAt?: Date },
  cutoff: Date,
  role: string,
  callerId: string,
): boolean {
  if (user._id === callerId || user.active !== true || !user.roles?.includes(role)) {
    return false;
  }
  if (user.lastLogin) {
    return user.lastLogin.getTime() <= cutoff.getTime();
  }
  return !!user.createdAt && user.createdAt.getTime() <= cutoff.getTime();
}
