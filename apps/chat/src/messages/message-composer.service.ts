import { Injectable } from '@nestjs/common';
import { AuthUser, IMessageMention } from '@app/contracts';
import { UserDirectory } from '../directory/user-directory.service';
import { RoomAccessCache } from '../room-access/room-access.cache';
import { channelNames, mentionedUsernames, messageUrls } from './message-id';

/** What a message text refers to, computed when it is sent and again when it is edited. */
export interface TextRefs {
  mentions: IMessageMention[];
  channels: { _id: string; name: string }[];
  urls: { url: string; ignoreParse?: true }[];
}

/** Mentions (`@user`, `@all`, `@here`), channel links (`#name`) and links of a message text. */
@Injectable()
export class MessageComposer {
  constructor(
    private readonly directory: UserDirectory,
    private readonly rooms: RoomAccessCache,
  ) {}

  async refs(text: string, caller: AuthUser, options: { parseUrls?: boolean; previewUrls?: string[] } = {}) {
    const [mentions, channels] = await Promise.all([this.mentions(text), this.channels(text, caller)]);
    const urls = options.parseUrls === false ? [] : messageUrls(text, options.previewUrls);
    return { mentions, channels, urls } satisfies TextRefs;
  }

  /** `@user` names → the users (unknown ones dropped); `@all` / `@here` as they are. */
  private async mentions(text: string): Promise<IMessageMention[]> {
    const names = mentionedUsernames(text).slice(0, 100);
    if (!names.length) {
      return [];
    }
    const group = names
      .filter((n) => n === 'all' || n === 'here')
      .map((n) => ({ _id: n, username: n, type: 'user' as const }));
    const users = await this.directory.find(names.filter((n) => n !== 'all' && n !== 'here'));
    return [...group, ...users.map((u) => ({ ...u, type: 'user' as const }))];
  }

  /** `#name` links to public channels → `channels: [{_id, name}]`. */
  private async channels(text: string, caller: AuthUser): Promise<{ _id: string; name: string }[]> {
    const out: { _id: string; name: string }[] = [];
    for (const name of channelNames(text).slice(0, 20)) {
      const { room } = await this.rooms.get({ roomName: name }, caller._id);
      if (room?.t === 'c' && room.name) {
        out.push({ _id: room._id, name: room.name });
      }
    }
    return out;
  }
}
