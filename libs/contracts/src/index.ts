import { CHAT_SERVICE, ChatContract, ChatPattern } from './chat/chat.contract';
import { INTEGRATIONS_SERVICE, IntegrationsContract, IntegrationsPattern } from './integrations/integrations.contract';
import { LIVECHAT_SERVICE, LivechatContract, LivechatPattern } from './livechat/livechat.contract';
import { USERS_ROOMS_SERVICE, UsersRoomsContract, UsersRoomsPattern } from './users-rooms/users-rooms.contract';
import { AccountsContract, AccountsPattern } from './users-rooms/accounts.contract';
import { AvatarsContract, AvatarsPattern } from './users-rooms/avatars.contract';
import { UserAdminContract, UserAdminPattern } from './users-rooms/user-admin.contract';
import { UserJobsContract, UserJobsPattern } from './users-rooms/user-jobs.contract';

export * from './common/types';
export * from './events';
export * from './users-rooms/users-rooms.contract';
export * from './users-rooms/accounts.contract';
export * from './users-rooms/avatars.contract';
export * from './users-rooms/user-admin.contract';
export * from './users-rooms/user-jobs.contract';
export * from './chat/chat.contract';
export * from './livechat/livechat.contract';
export * from './integrations/integrations.contract';

/** Every message pattern of the system with its payload and result type. */
export type RcContract = UsersRoomsContract &
  AccountsContract &
  AvatarsContract &
  UserJobsContract &
  UserAdminContract &
  ChatContract &
  LivechatContract &
  IntegrationsContract;
export type RcPattern = keyof RcContract;

export const SERVICES = [USERS_ROOMS_SERVICE, CHAT_SERVICE, LIVECHAT_SERVICE, INTEGRATIONS_SERVICE] as const;
export type ServiceName = (typeof SERVICES)[number];

const OWNER = new Map<string, ServiceName>();
for (const [service, patterns] of [
  [USERS_ROOMS_SERVICE, UsersRoomsPattern],
  [USERS_ROOMS_SERVICE, AccountsPattern],
  [USERS_ROOMS_SERVICE, AvatarsPattern],
  [USERS_ROOMS_SERVICE, UserJobsPattern],
  [USERS_ROOMS_SERVICE, UserAdminPattern],
  [CHAT_SERVICE, ChatPattern],
  [LIVECHAT_SERVICE, LivechatPattern],
  [INTEGRATIONS_SERVICE, IntegrationsPattern],
] as const) {
  for (const pattern of Object.values(patterns)) {
    if (OWNER.has(pattern)) {
      throw new Error(`pattern ${pattern} is defined twice`);
    }
    OWNER.set(pattern, service);
  }
}

/** The service that owns a pattern (its stream receives the request). */
export function serviceOf(pattern: string): ServiceName {
  const owner = OWNER.get(pattern);
  if (!owner) {
    throw new Error(`no service owns message pattern "${pattern}"`);
  }
  return owner;
}

export const HEALTH_PATTERN: Record<ServiceName, RcPattern> = {
  [USERS_ROOMS_SERVICE]: UsersRoomsPattern.Health,
  [CHAT_SERVICE]: ChatPattern.Health,
  [LIVECHAT_SERVICE]: LivechatPattern.Health,
  [INTEGRATIONS_SERVICE]: IntegrationsPattern.Health,
};
