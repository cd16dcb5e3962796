/** users-rooms: personal access tokens, users.createToken, OAuth token logins, failed-login blocking. */
export const AccountsPattern = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AccountsContract {}
