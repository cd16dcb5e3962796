/**
 * What differs between the room namespaces (users-rooms owns the rooms, chat their messages; both answer with
 * these) that share one room service: the room type, the key the room is
 * answered under, and Rocket.Chat's errors and permission names for each.
 */
export interface RoomKind {
  t: 'c' | 'p' | 'd';
  /** `channel` (channels.*), `group` (groups.*) or `room` (im.*) */
  key: 'channel' | 'group' | 'room';
  /** in error texts: "The channel, x, is archived" / "The private group, x, is archived" */
  noun: string;
  missingParam: 'error-roomid-param-not-provided' | 'error-room-param-not-provided';
  notFound: string;
  /** a room of this type is visible to its members only (groups: non-members get "not found") */
  membersOnly: boolean;
}

export const CHANNEL_KIND: RoomKind = {
  t: 'c',
  key: 'channel',
  noun: 'channel',
  missingParam: 'error-roomid-param-not-provided',
  notFound: 'The required "roomId" or "roomName" param provided does not match any channel',
  membersOnly: false,
};

export const GROUP_KIND: RoomKind = {
  t: 'p',
  key: 'group',
  noun: 'private group',
  missingParam: 'error-room-param-not-provided',
  notFound: 'The required "roomId" or "roomName" param provided does not match any group',
  membersOnly: true,
};

/** Direct messages (im.* and their dm.* aliases): one-to-one and group DMs, visible to their members only. */
export const DIRECT_KIND: RoomKind = {
  t: 'd',
  key: 'room',
  noun: 'direct message',
  missingParam: 'error-room-param-not-provided',
  notFound: 'The required "roomId" param provided does not match any direct message',
  membersOnly: true,
};

/** The kind a `channels.*` / `groups.*` / `im.*` pattern acts on. */
export function roomKindOf(pattern: string): RoomKind {
  if (pattern.startsWith('im.')) {
    return DIRECT_KIND;
  }
  return pattern.startsWith('groups.') ? GROUP_KIND : CHANNEL_KIND;
}

/** `{ channel: room }` or `{ group: room }`. */
export function keyedRoom<T>(kind: RoomKind, room: T): { channel?: T; group?: T } {
  return { [kind.key]: room };
}
