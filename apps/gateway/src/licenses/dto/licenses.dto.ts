import { Params, QueryFlag, Static } from '@app/validation';

/** licenses.info: `loadValues=true` adds each limit's current value (for `view-privileged-setting`). */
export const LicensesInfoDto = Params({ loadValues: QueryFlag });
export type LicensesInfoDto = Static<typeof LicensesInfoDto>;
