import type { User } from '../users/schemas/user.schema';
import type { Room } from './schemas/room.schema';

/** A room document as read with `lean()` (Rocket.Chat fields beyond the schema included). */
export type RoomDoc = Room & Record<string, unknown>;

/** The user fields room rules need. */
export type UserRef = Pick<User, '_id' | 'username' | 'name' | 'roles'>;

/** Rocket.Chat's error text for a channel that does not exist (or is not a channel). */
export const ROOM_NOT_FOUND = 'The required "roomId" or "roomName" param provided does not match any channel';
