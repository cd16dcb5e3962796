/** users.*: avatars (users.setAvatar, users.getAvatar, users.resetAvatar) and the `/avatar/:username` route. */
import type { CallerPayload, Empty, UserParams } from '../common/types';
import { definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const UsersAvatarPattern = definePatterns({
  SetAvatar: { pattern: 'users.setAvatar', service: USERS_ROOMS_SERVICE },
  GetAvatar: { pattern: 'users.getAvatar', service: USERS_ROOMS_SERVICE },
  ResetAvatar: { pattern: 'users.resetAvatar', service: USERS_ROOMS_SERVICE },
  /** what `GET /avatar/:username` answers (a stored image's file id, or an initials SVG) */
  UserAvatar: { pattern: 'avatar.user', service: USERS_ROOMS_SERVICE },
  GetAvatarSuggestion: { pattern: 'users.getAvatarSuggestion', service: USERS_ROOMS_SERVICE },
});

/** Largest avatar image accepted, uploaded or fetched from a URL (also capped by `FileUpload_MaxFileSize`). */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

/** How long the gateway waits for users.setAvatar (it may download an image: see AVATAR_URL_TIMEOUT_MS). */
export const AVATAR_RPC_TIMEOUT_MS = 15000;

/** Time limit of downloading an `avatarUrl` (all redirects included). */
export const AVATAR_URL_TIMEOUT_MS = 5000;

/** The storage bucket of avatar images (GridFS `rocketchat_avatars`, as Rocket.Chat keeps them). */
export const AVATARS_BUCKET = 'rocketchat_avatars';

/** A file the gateway streamed into storage; the service decides whether to keep it. */
export interface UploadedFileRef {
  /** id in the storage bucket */
  fileId: string;
  /** the part's Content-Type */
  contentType: string;
  filename: string;
  size: number;
}

export interface SetAvatarPayload extends CallerPayload {
  userId?: string;
  username?: string;
  avatarUrl?: string;
  /**
   * Multipart requests only: the `image` part (already in the avatars bucket), or `null` when the form had none.
   * Absent for JSON / form-encoded bodies, which set the avatar from `avatarUrl`.
   */
  upload?: UploadedFileRef | null;
}

export interface GetAvatarResult {
  /** `<Site_Url>/avatar/<username>` */
  url: string;
}

export interface UserAvatarPayload {
  /** the path segment after /avatar/ (decoded): a username, optionally with an image extension, or `@name` */
  name: string;
  /** `?size=` (SVG only), clamped to 16..1024 */
  size?: number;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

export interface UserAvatarResult {
  /** the client's copy is current: answer 304 without a body */
  notModified: boolean;
  contentType: string;
  /** quoted entity tag */
  etag: string;
  /** HTTP date */
  lastModified: string;
  /** Cache-Control max-age (`Accounts_AvatarCacheTime`) */
  maxAge: number;
  /** a stored image: its id in the avatars bucket (the gateway streams it) */
  fileId?: string;
  /** no stored image: the generated initials SVG (markup, not a stored file) */
  svg?: string;
}

/** An avatar the user could take over from a login service or Gravatar, the image inline. */
export interface AvatarSuggestion {
  service: string;
  url: string;
  contentType: string;
  /** `data:<type>;base64,...` */
  blob: string;
}

declare module '../registry' {
  interface RcContract {
    [UsersAvatarPattern.SetAvatar]: { payload: SetAvatarPayload; result: Empty };
    [UsersAvatarPattern.GetAvatar]: { payload: UserParams; result: GetAvatarResult };
    [UsersAvatarPattern.ResetAvatar]: { payload: CallerPayload & UserParams; result: Empty };
    [UsersAvatarPattern.UserAvatar]: { payload: UserAvatarPayload; result: UserAvatarResult };
    [UsersAvatarPattern.GetAvatarSuggestion]: {
      payload: CallerPayload;
      result: { suggestions: Record<string, AvatarSuggestion> };
    };
  }
}
