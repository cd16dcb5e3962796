/**
 * The message contracts. Adding a namespace contract file is one line here (its `export *`): the file registers
 * its patterns and their owning service itself (see `registry.ts`).
 */
export * from './registry';
export * from './common/types';
export * from './common/rooms';
export * from './common/room-kinds';
export * from './documents';
export * from './events';
export * from './queues';

export * from './namespaces/internal.contract';
export * from './namespaces/misc.contract';
export * from './namespaces/authentication.contract';
export * from './namespaces/users.contract';
export * from './namespaces/users-profile.contract';
export * from './namespaces/users-tokens.contract';
export * from './namespaces/users-avatar.contract';
export * from './namespaces/roles.contract';
export * from './namespaces/permissions.contract';
export * from './namespaces/channels.contract';
export * from './namespaces/groups.contract';
export * from './namespaces/chat.contract';
export * from './namespaces/im.contract';
export * from './namespaces/subscriptions.contract';
export * from './namespaces/rooms.contract';
export * from './namespaces/invites.contract';
export * from './namespaces/directory.contract';
export * from './namespaces/uploads.contract';
export * from './namespaces/settings.contract';
export * from './namespaces/pw.contract';
export * from './namespaces/instances.contract';
export * from './namespaces/licenses.contract';
