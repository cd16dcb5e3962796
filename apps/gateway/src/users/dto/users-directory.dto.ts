import type {
  UsersAutocompleteSelector,
  UsersCheckUsernameAvailabilityPayload,
  UsersListTeamsPayload,
} from '@app/contracts';
import { RcError } from '@app/envelope';
import { assertValid, compileSchema, Feeds, Opt, Params, Static, Type } from '@app/validation';

/** users.listByStatus (Rocket.Chat 7's UsersListStatusParamsGET). */
export const UsersListByStatusDto = Params({
  status: Opt(Type.Union([Type.Literal('active'), Type.Literal('deactivated')])),
  hasLoggedIn: Opt(Type.Boolean()),
  type: Opt(Type.String()),
  roles: Opt(Type.Array(Type.String())),
  searchTerm: Opt(Type.String()),
  sort: Opt(Type.String()),
  count: Opt(Type.String()),
  offset: Opt(Type.String()),
});
export type UsersListByStatusDto = Static<typeof UsersListByStatusDto>;

/** users.autocomplete: `selector`, a JSON object (see parseAutocompleteSelector). */
export const UsersAutocompleteDto = Params({ selector: Type.String() });
export type UsersAutocompleteDto = Static<typeof UsersAutocompleteDto>;

const Selector = Params({
  term: Opt(Type.String()),
  exceptions: Opt(Type.Array(Type.String())),
  conditions: Opt(Type.Object({})),
});
const selectorSchema = compileSchema(Selector, 'body');

/** The parsed `selector`: JSON with an optional `term`, `exceptions` and `conditions` (nothing else). */
export function parseAutocompleteSelector(raw: string): UsersAutocompleteSelector {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw RcError.invalidParams('must be a JSON object, parameter "selector"');
  }
  return assertValid(selectorSchema, parsed);
}

/** users.checkUsernameAvailability */
export const UsersCheckUsernameAvailabilityDto = Params({ username: Type.String() });
export type UsersCheckUsernameAvailabilityDto = Feeds<
  UsersCheckUsernameAvailabilityPayload,
  Static<typeof UsersCheckUsernameAvailabilityDto>
>;

/** users.listTeams */
export const UsersListTeamsDto = Params({ userId: Type.String() });
export type UsersListTeamsDto = Feeds<UsersListTeamsPayload, Static<typeof UsersListTeamsDto>>;
