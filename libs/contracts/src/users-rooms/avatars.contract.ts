import type { AuthUser } from '../common/types';

/** users-rooms: avatars: users.setAvatar, users.getAvatar, users.resetAvatar, the avatar route. */
export const AvatarsPattern = {
  SetAvatar: 'users.setAvatar',
  GetAvatar: 'users.getAvatar',
  ResetAvatar: 'users.resetAvatar',
  /** internal: what `GET /avatar/:username` answers (stored image or initials SVG) */
  UserAvatar: 'avatar.user',
} as const;

/**
 * Largest avatar image accepted, uploaded or fetched from a URL (also capped by `FileUpload_MaxFileSize`). The
 * bytes cross the Redis transport base64-encoded (JSON), so the cap stays well below what a message may carry.
 */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

/** How long the gateway waits for users.setAvatar (it may download an image: see AVATAR_URL_TIMEOUT_MS). */
export const AVATAR_RPC_TIMEOUT_MS = 15000;

/** Time limit of downloading an `avatarUrl` (all redirects included). */
export const AVATAR_URL_TIMEOUT_MS = 5000;

/** A multipart `image` part as the gateway received it. */
export interface AvatarUpload {
  /** the bytes, base64 */
  data: string;
  /** the part's Content-Type */
  contentType: string;
  filename?: string;
}

export interface SetAvatarPayload {
  caller: AuthUser;
  userId?: string;
  username?: string;
  avatarUrl?: string;
  /**
   * Multipart requests only: the `image` part, or `null` when the form had none. Absent for JSON / form-encoded
   * bodies, which set the avatar from `avatarUrl`.
   */
  upload?: AvatarUpload | null;
}

/** `userId` or `username` (or `user`), as Rocket.Chat's getUserFromParams reads them. */
export interface AvatarUserParams {
  userId?: string;
  username?: string;
  user?: string;
}

export interface GetAvatarResult {
  /** `<Site_Url>/avatar/<username>` */
  url: string;
}

export interface ResetAvatarPayload extends AvatarUserParams {
  caller: AuthUser;
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
  /** the body, base64 (absent when notModified) */
  data?: string;
}

export interface AvatarsContract {
  [AvatarsPattern.SetAvatar]: { payload: SetAvatarPayload; result: Record<string, never> };
  [AvatarsPattern.GetAvatar]: { payload: AvatarUserParams; result: GetAvatarResult };
  [AvatarsPattern.ResetAvatar]: { payload: ResetAvatarPayload; result: Record<string, never> };
  [AvatarsPattern.UserAvatar]: { payload: UserAvatarPayload; result: UserAvatarResult };
}
