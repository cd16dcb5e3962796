import type { DefaultSetting } from './setting-types';

/** Settings of the user-jobs area (Rocket.Chat ids, types and defaults). */
export const USER_JOBS_SETTINGS: DefaultSetting[] = [];
