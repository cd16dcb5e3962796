import { Injectable } from '@nestjs/common';
import { UserAvatarPayload, UserAvatarResult } from '@app/contracts';
import { escapeRegExp } from '../common/regex';
import { SettingsService } from '../settings/settings.service';
import { AvatarStore } from './avatar-store.service';
import { clampAvatarSize, contentETag, INITIALS_LAST_MODIFIED, renderInitialsSvg } from './initials-avatar';
import { UsersRepository } from '../users/users.repository';

const IMAGE_SUFFIX = /\.(png|jpe?g|gif|svg|webp|bmp|ico|avif)$/i;

/** Does the client's validator (If-None-Match, else If-Modified-Since) still match? */
export function isNotModified(
  p: Pick<UserAvatarPayload, 'ifNoneMatch' | 'ifModifiedSince'>,
  etag: string,
  lastModified: string,
): boolean {
  if (p.ifNoneMatch) {
    const tags = p.ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  return !!p.ifModifiedSince && p.ifModifiedSince === lastModified;
}

/**
 * What `GET /avatar/:username` answers, as Rocket.Chat's avatar route does: the user's stored image, else an
 * initials SVG (also for names no user has, and always for `@name`). The client's validators are checked
 * before any image is read, so a revalidation costs two small look-ups and sends no bytes.
 */
@Injectable()
export class UserAvatarService {
  constructor(
    private readonly users: UsersRepository,
    private readonly store: AvatarStore,
    private readonly settings: SettingsService,
  ) {}

  async serve(p: UserAvatarPayload): Promise<UserAvatarResult> {
    const cacheTime = Number(await this.settings.get<number>('Accounts_AvatarCacheTime'));
    const maxAge = Number.isFinite(cacheTime) && cacheTime >= 0 ? cacheTime : 3600;
    const size = clampAvatarSize(p.size);
    if (p.name.startsWith('@')) {
      return this.initials(p, p.name.slice(1), size, false, maxAge);
    }
    const user = await this.findUser(p.name);
    if (user) {
      const file = await this.store.latest(user._id);
      if (file) {
        const etag = `"${file.etag}"`;
        const lastModified = new Date(file.uploadedAt).toUTCString();
        const head = { contentType: file.type, etag, lastModified, maxAge };
        if (isNotModified(p, etag, lastModified)) {
          return { ...head, notModified: true };
        }
        // the gateway streams the bytes; a record whose bytes are gone falls back to initials
        if (await this.store.bucket.stat(file._id)) {
          return { ...head, notModified: false, fileId: file._id };
        }
      }
      if (user.name && (await this.settings.get<boolean>('UI_Use_Name_Avatar'))) {
        return this.initials(p, user.name, size, true, maxAge);
      }
      return this.initials(p, user.username, size, false, maxAge);
    }
    return this.initials(p, p.name, size, false, maxAge);
  }

  private initials(
    p: UserAvatarPayload,
    name: string,
    size: number | undefined,
    allInitials: boolean,
    maxAge: number,
  ): UserAvatarResult {
    const svg = renderInitialsSvg(name, size, allInitials);
    const head = {
      contentType: 'image/svg+xml',
      etag: contentETag(svg),
      lastModified: INITIALS_LAST_MODIFIED,
      maxAge,
    };
    if (isNotModified(p, head.etag, head.lastModified)) {
      return { ...head, notModified: true };
    }
    return { ...head, notModified: false, svg };
  }

  /** The user a path segment names: the username as given, else without an image extension (`bob.png`). */
  private async findUser(segment: string): Promise<{ _id: string; username: string; name?: string } | null> {
    const candidates = [segment];
    if (IMAGE_SUFFIX.test(segment)) {
      candidates.push(segment.replace(IMAGE_SUFFIX, ''));
    }
    const projection = { _id: 1, username: 1, name: 1 };
    // exact names first (an index hit on real MongoDB), then case-insensitively as Rocket.Chat looks users up
    let found = await this.users.find({ username: { $in: candidates } }, { projection: projection });
    if (!found.length) {
      found = await this.users.find(
        { $or: candidates.map((c) => ({ username: new RegExp(`^${escapeRegExp(c)}$`, 'i') })) },
        { projection: projection },
      );
    }
    const rank = (u: { username?: string }) =>
      candidates.findIndex((c) => c.toLowerCase() === (u.username ?? '').toLowerCase());
    const best = found.filter((u) => u.username).sort((a, b) => rank(a) - rank(b))[0];
    return best ? { _id: best._id, username: best.username!, name: best.name } : null;
  }
}
