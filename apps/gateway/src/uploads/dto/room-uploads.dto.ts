import type { FileMessageFields } from '@app/contracts';
import { Feeds, Opt, Params, Static, Type } from '@app/validation';

/** rooms.upload's text fields and rooms.mediaConfirm's body: the message that carries the file. */
export const FileMessageDto = Params({
  msg: Opt(Type.String()),
  description: Opt(Type.String()),
  tmid: Opt(Type.String()),
});
export type FileMessageDto = Feeds<FileMessageFields, Static<typeof FileMessageDto>>;

/** rooms.media: the `file` part alone (the message comes with rooms.mediaConfirm). */
export const RoomMediaDto = Params({});
export type RoomMediaDto = Static<typeof RoomMediaDto>;

/**
 * The file route's query: `download` (any value) asks for an attachment; `rc_uid` + `rc_token` authenticate as
 * the X-User-Id / X-Auth-Token headers do. Other keys (cache busters that browsers and proxies add) are allowed,
 * as Rocket.Chat's file route ignores them.
 */
export const FileRouteDto = Type.Object(
  {
    download: Opt(Type.String()),
    rc_uid: Opt(Type.String()),
    rc_token: Opt(Type.String()),
  },
  { additionalProperties: true },
);
export type FileRouteDto = Static<typeof FileRouteDto>;
