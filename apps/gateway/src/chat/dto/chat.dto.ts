import type { PostMessagePayload } from '@app/contracts';
import { Feeds, OneOf, Opt, Params, Type } from '@app/validation';

const target = Type.Union([Type.String(), Type.Array(Type.String())]);

const message = {
  text: Opt(Type.String()),
  alias: Opt(Type.String()),
  emoji: Opt(Type.String()),
  avatar: Opt(Type.String()),
  attachments: Opt(Type.Array(Type.Object({}))),
  tmid: Opt(Type.String()),
  parseUrls: Opt(Type.Boolean()),
  groupable: Opt(Type.Boolean()),
};

export type ChatPostMessageDto = Feeds<
  PostMessagePayload,
  {
    roomId?: string | string[];
    channel?: string | string[];
    text?: string;
    alias?: string;
    emoji?: string;
    avatar?: string;
    attachments?: Record<string, unknown>[];
    tmid?: string;
    parseUrls?: boolean;
    groupable?: boolean;
  }
>;

/** chat.postMessage: `roomId` or `channel` (exactly one), each a string or a list (Rocket.Chat's oneOf schema). */
export const ChatPostMessageDto = OneOf<ChatPostMessageDto>([
  Params({ roomId: target, ...message }),
  Params({ channel: target, ...message }),
]);
