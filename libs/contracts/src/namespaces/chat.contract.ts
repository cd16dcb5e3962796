/** chat.*: messages. */
import type { CallerPayload } from '../common/types';
import type { IMessage } from '../documents';
import { CHAT_SERVICE, definePatterns } from '../registry';

export const ChatPattern = definePatterns({
  PostMessage: { pattern: 'chat.postMessage', service: CHAT_SERVICE },
});

export interface PostMessagePayload extends CallerPayload {
  roomId?: string | string[];
  channel?: string | string[];
  text?: string;
  alias?: string;
  emoji?: string;
  avatar?: string;
  attachments?: Record<string, unknown>[];
  /** a thread reply: refused with 400 until threads land (never stored as a plain message) */
  tmid?: string;
  parseUrls?: boolean;
  groupable?: boolean;
}
export interface PostMessageResult {
  ts: number;
  channel: string;
  message: IMessage;
}

declare module '../registry' {
  interface RcContract {
    [ChatPattern.PostMessage]: { payload: PostMessagePayload; result: PostMessageResult };
  }
}
