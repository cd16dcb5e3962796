import type { SettingsUpdatePayload } from '@app/contracts';
import { Feeds, Opt, PagingParams, Params, QueryFlag, Static, Type } from '@app/validation';

/** settings.public: paging, `sort`, `fields`, `query`, and `_id` (comma-separated ids, 7.0). */
export const SettingsPublicDto = Params({ ...PagingParams, _id: Opt(Type.String()) });
export type SettingsPublicDto = Static<typeof SettingsPublicDto>;

/** settings: paging, `sort`, `fields`, `query`, and `includeDefaults=true` for each setting's default. */
export const SettingsListDto = Params({ ...PagingParams, includeDefaults: QueryFlag });
export type SettingsListDto = Static<typeof SettingsListDto>;

/**
 * POST settings/:_id: `value` (any JSON: the setting's type decides what is accepted), `execute` for action
 * settings, `editor` for colour settings. Nothing else.
 */
export const SettingsUpdateDto = Params({
  value: Opt(Type.Unknown()),
  execute: Opt(Type.Boolean()),
  editor: Opt(Type.String()),
});
export type SettingsUpdateDto = Feeds<SettingsUpdatePayload, Static<typeof SettingsUpdateDto>>;
