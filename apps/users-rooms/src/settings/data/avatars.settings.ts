import type { DefaultSetting } from './setting-types';

/** Settings of the avatars area (Rocket.Chat ids, types and defaults). */
export const AVATARS_SETTINGS: DefaultSetting[] = [];
