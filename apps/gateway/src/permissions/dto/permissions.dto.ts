import type { PermissionsListAllPayload } from '@app/contracts';
import { Feeds, Opt, Params, Static, Type } from '@app/validation';

/** permissions.listAll: `updatedSince` (ISO date) gives only what changed since then. */
export const PermissionsListAllDto = Params({ updatedSince: Opt(Type.String()) });
export type PermissionsListAllDto = Feeds<PermissionsListAllPayload, Static<typeof PermissionsListAllDto>>;
