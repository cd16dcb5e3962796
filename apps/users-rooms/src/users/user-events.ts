import type { IUserRef } from '@app/contracts';

/**
 * What the users context announces inside users-rooms, so the contexts above it (rooms, subscriptions kept by
 * rooms) follow without the users context depending on them. Emitted with `emitAsync` and awaited: a listener
 * that throws fails the user operation (the last owner of a room cannot be deleted without `confirmRelinquish`).
 */
export const UserEvents = {
  /** a user was stored: join the default channels when asked */
  Created: 'users.created',
  /** username and/or name changed: rename the user wherever rooms and subscriptions copy it */
  Renamed: 'users.renamed',
  /** about to deactivate: veto (last owner) or hand rooms over */
  Deactivating: 'users.deactivating',
  /** active flag changed: DMs with the user become read-only or writable, the other side's archived */
  ActiveChanged: 'users.activeChanged',
  /** about to delete: veto (last owner), else hand rooms over and leave every room */
  Removing: 'users.removing',
} as const;

export interface UserCreatedEvent {
  user: IUserRef & { roles: string[] };
  joinDefaultChannels: boolean;
}

export interface UserRenamedEvent {
  userId: string;
  previousUsername?: string;
  username?: string;
  name?: string;
}

export interface UserDeactivatingEvent {
  userId: string;
  confirmRelinquish: boolean;
}

export interface UserActiveChangedEvent {
  userId: string;
  username?: string;
  active: boolean;
}

export interface UserRemovingEvent {
  userId: string;
  username?: string;
  confirmRelinquish: boolean;
}

/** Listener options of every user event: errors reach the emitter (they are vetoes), never swallowed. */
export const USER_EVENT_LISTENER = { async: false, suppressErrors: false } as const;
