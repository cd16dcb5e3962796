/** Search across the server: `directory` (users, channels, teams) and `spotlight` (users and rooms). */
import type { CallerPayload, PageRequest } from '../common/types';
import type { RoomView, UserView } from '../documents';
import { definePatterns, USERS_ROOMS_SERVICE } from '../registry';

export const DirectoryPattern = definePatterns({
  Directory: { pattern: 'directory', service: USERS_ROOMS_SERVICE },
  Spotlight: { pattern: 'spotlight', service: USERS_ROOMS_SERVICE },
});

/**
 * directory: 7.x plain `text`, `type` (`channels`, `users`, `teams`) and `workspace` (`local`, `all`); a 5.x/6.x
 * `query` object with the same keys is read when they are absent. Paged; `sort` takes one key.
 */
export interface DirectoryPayload extends CallerPayload {
  text?: string;
  type?: string;
  workspace?: string;
  page: PageRequest;
}

export type DirectoryResult = {
  result: (RoomView | UserView)[];
  count: number;
  offset: number;
  total: number;
};

export interface SpotlightPayload extends CallerPayload {
  /** `#name` searches rooms only, `@name` users only */
  query: string;
}

/** A user as spotlight shows it (`outside`: not in a room with the caller). */
export type SpotlightUser = Pick<
  UserView,
  '_id' | 'username' | 'name' | 'nickname' | 'status' | 'statusText' | 'avatarETag'
> & {
  outside?: boolean;
};

export type SpotlightRoom = Pick<RoomView, '_id' | 't' | 'name' | 'fname' | 'teamMain' | 'lastMessage' | 'prid'> & {
  joinCodeRequired?: boolean;
};

declare module '../registry' {
  interface RcContract {
    [DirectoryPattern.Directory]: { payload: DirectoryPayload; result: DirectoryResult };
    [DirectoryPattern.Spotlight]: {
      payload: SpotlightPayload;
      result: { users: SpotlightUser[]; rooms: SpotlightRoom[] };
    };
  }
}
