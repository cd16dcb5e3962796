/** The parameter schemas of `directory` and `spotlight`. */
import type { SpotlightPayload } from '@app/contracts';
import { Feeds, Opt, PagingParams, Params, Static, Type } from '@app/validation';

/** directory: 7.x `text`, `type`, `workspace` (or a 5.x/6.x `query` holding them), paged, `sort` on one key */
export const DirectoryDto = Params({
  text: Opt(Type.String()),
  type: Opt(Type.String()),
  workspace: Opt(Type.String()),
  ...PagingParams,
});
export type DirectoryDto = Static<typeof DirectoryDto>;

/** spotlight: the text (`#` for rooms only, `@` for users only) */
export const SpotlightDto = Params({ query: Type.String() });
export type SpotlightDto = Feeds<SpotlightPayload, Static<typeof SpotlightDto>>;
