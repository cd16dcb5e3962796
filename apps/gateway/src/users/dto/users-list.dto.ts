import { PagingParams, Params, Static } from '@app/validation';

/** users.list: paging, `sort`, `fields` and `query` (parsed by the gateway's paging parser). */
export const UsersListDto = Params(PagingParams);
export type UsersListDto = Static<typeof UsersListDto>;
