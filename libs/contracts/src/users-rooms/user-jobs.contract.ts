/** users-rooms: users.register, users.forgotPassword, users.requestDataDownload, users.deactivateIdle, e-mail (Bull jobs). */
export const UserJobsPattern = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface UserJobsContract {}
