import { Injectable } from '@nestjs/common';
import { AVATAR_URL_TIMEOUT_MS, AuthUser, AvatarSuggestion } from '@app/contracts';
import { SettingsService } from '../settings/settings.service';
import { UsersRepository } from '../users/users.repository';
import { imageContentType } from './avatars.service';
import { suggestionCandidates } from './avatar-suggestions';
import { fetchRemoteImage } from './remote-image';

/** Inline images are kept small: a suggestion is a preview, the avatar is set from its URL. */
const SUGGESTION_MAX_BYTES = 1024 * 1024;

/**
 * users.getAvatarSuggestion: the candidates of avatar-suggestions.ts, each downloaded (in parallel, through the
 * same address checks as users.setAvatar's avatarUrl); those that answer with an image are returned inline.
 */
@Injectable()
export class AvatarSuggestionsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly settings: SettingsService,
  ) {}

  async suggestions(caller: AuthUser): Promise<{ suggestions: Record<string, AvatarSuggestion> }> {
    const user = await this.users.findById(caller._id, { services: 1, emails: 1, username: 1 });
    const candidates = user ? suggestionCandidates(user) : [];
    const allowPrivate = await this.settings.boolean('Avatar_Allow_Private_Urls', false);
    const fetched = await Promise.all(
      candidates.map(async ({ service, url }): Promise<AvatarSuggestion | undefined> => {
        const res = await fetchRemoteImage(url, {
          maxBytes: SUGGESTION_MAX_BYTES,
          timeoutMs: Math.floor(AVATAR_URL_TIMEOUT_MS / 2),
          allowPrivate,
        });
        const contentType = res.kind === 'ok' ? imageContentType(res.contentType) : undefined;
        if (res.kind !== 'ok' || !contentType) {
          return undefined;
        }
        return { service, url, contentType, blob: `data:${contentType};base64,${res.data.toString('base64')}` };
      }),
    );
    const suggestions: Record<string, AvatarSuggestion> = {};
    for (const s of fetched) {
      if (s) {
        suggestions[s.service] = s;
      }
    }
    return { suggestions };
  }
}
