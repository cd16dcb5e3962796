/** users-rooms: roles.*, permissions.*, users.update/updateOwnBasicInfo/setActiveStatus/delete/deleteOwnAccount, presence, preferences, username suggestion. */
export const UserAdminPattern = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface UserAdminContract {}
