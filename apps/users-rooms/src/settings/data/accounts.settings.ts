import type { DefaultSetting } from './setting-types';

/** Settings of the accounts area (Rocket.Chat ids, types and defaults). */
export const ACCOUNTS_SETTINGS: DefaultSetting[] = [];
