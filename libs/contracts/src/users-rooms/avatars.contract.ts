/** users-rooms: avatars: users.setAvatar, users.getAvatar, users.resetAvatar, the avatar route. */
export const AvatarsPattern = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AvatarsContract {}
