import { createHash } from 'node:crypto';
import type { IUser } from '@app/contracts';

export interface SuggestionCandidate {
  service: string;
  url: string;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * Where a user's avatar could come from (Rocket.Chat's getAvatarSuggestionForUser): the pictures of the login
 * services the account is linked to, then Gravatar for each verified address (`d=404`, so an address without
 * a Gravatar yields nothing). One candidate per service.
 */
export function suggestionCandidates(user: Pick<IUser, 'services' | 'emails' | 'username'>): SuggestionCandidate[] {
  const services = (user.services ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const out: SuggestionCandidate[] = [];
  const facebookId = str(services.facebook?.id);
  if (facebookId) {
    out.push({
      service: 'facebook',
      url: `https://graph.facebook.com/${encodeURIComponent(facebookId)}/picture?type=large`,
    });
  }
  const google = str(services.google?.picture);
  if (google) {
    out.push({ service: 'google', url: google });
  }
  const githubUser = str(services.github?.username);
  if (githubUser) {
    out.push({
      service: 'github',
      url: `https://avatars.githubusercontent.com/${encodeURIComponent(githubUser)}?s=200`,
    });
  }
  const twitter = str(services.twitter?.profile_image_url_https);
  if (twitter) {
    out.push({ service: 'twitter', url: twitter.replace(/_normal\./, '.') });
  }
  const gitlab = str(services.gitlab?.avatar_url);
  if (gitlab) {
    out.push({ service: 'gitlab', url: gitlab });
  }
  const email = user.emails?.find((e) => e.verified)?.address;
  if (email) {
    const hash = createHash('md5').update(email.trim().toLowerCase()).digest('hex');
    out.push({ service: 'gravatar', url: `https://secure.gravatar.com/avatar/${hash}?default=404&size=200` });
  }
  return out;
}
