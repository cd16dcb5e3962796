import type { IRoom, IUser } from '@app/contracts';

/** A room document as read with `lean()` (Rocket.Chat fields beyond the schema included). */
export type RoomDoc = IRoom & Record<string, unknown>;

/** The user fields room rules need. */
export type UserRef = Pick<IUser, '_id' | 'username' | 'name' | 'roles'>;
