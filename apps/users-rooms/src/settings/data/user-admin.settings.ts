import type { DefaultSetting } from './setting-types';

/** Settings of the user-admin area (Rocket.Chat ids, types and defaults). */
export const USER_ADMIN_SETTINGS: DefaultSetting[] = [];
