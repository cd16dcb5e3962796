import { Injectable, Logger } from '@nestjs/common';
import {
  AVATAR_MAX_BYTES,
  AVATAR_URL_TIMEOUT_MS,
  AuthUser,
  CallerPayload,
  Empty,
  GetAvatarResult,
  RcEvent,
  SetAvatarPayload,
  UploadedFileRef,
  UserParams,
} from '@app/contracts';
import { Errors, RcError } from '@app/envelope';
import { EventBus } from '@app/transport';
import { AuthorizationService } from '../authorization/authorization.service';
import { exactInsensitive } from '../common/regex';
import { encodeUriLoosely } from '../common/uri';
import { SettingsService } from '../settings/settings.service';
import { AvatarStore, StoredAvatar } from './avatar-store.service';
import { fetchRemoteImage } from './remote-image';
import { UsersRepository } from '../users/users.repository';

type Target = { _id: string; username: string };

/** `image/png`, `image/svg+xml`, ... (parameters dropped, lower case), or undefined for anything else. */
export function imageContentType(raw: string | undefined, filename?: string): string | undefined {
  let type = (raw ?? '').split(';')[0].trim().toLowerCase();
  if ((!type || type === 'application/octet-stream') && filename) {
    type = IMAGE_EXTENSIONS[filename.split('.').pop()?.toLowerCase() ?? ''] ?? type;
  }
  return /^image\/[a-z0-9][a-z0-9.+-]*$/.test(type) ? type : undefined;
}

const IMAGE_EXTENSIONS: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
  avif: 'image/avif',
};

/** `5 MB`, `100 MB`, `512 KB` */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(2))} ${units[unit]}`;
}

/**
 * users.setAvatar and users.resetAvatar with Rocket.Chat 7.x's rules (v1/users.ts, setUserAvatar.ts,
 * resetAvatar.ts) and users.getAvatar.
 */
@Injectable()
export class AvatarsService {
  private readonly logger = new Logger(AvatarsService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly store: AvatarStore,
    private readonly settings: SettingsService,
    private readonly authorization: AuthorizationService,
    private readonly events: EventBus,
  ) {}

  /** users.setAvatar */
  async setAvatar(p: SetAvatarPayload): Promise<Empty> {
    const canEditOther = await this.authorization.hasPermission(p.caller.roles, 'edit-other-user-avatar');
    if (!(await this.settings.get<boolean>('Accounts_AllowUserAvatarChange')) && !canEditOther) {
      throw RcError.failure('error-not-allowed', 'Change avatar is not allowed', { method: 'users.setAvatar' });
    }
    if (p.upload === undefined) {
      // JSON body: the target comes from the body's userId/username
      let target: Target;
      if (this.isCaller(p.caller, p)) {
        target = p.caller;
      } else if (canEditOther) {
        target = await this.userFromParams(p);
      } else {
        throw RcError.forbidden();
      }
      if (!p.avatarUrl) {
        throw RcError.plain("The 'image' param is required");
      }
      const image = await this.download(p.avatarUrl, target);
      await this.apply(target, 'url', () => this.store.save(target, image.data, image.type));
      return {};
    }
    if (!p.upload) {
      throw RcError.failure('No file uploaded');
    }
    try {
      await this.setFromUpload(p, p.upload, canEditOther);
    } catch (err) {
      // a refused upload leaves nothing behind in storage
      await this.store.bucket.delete(p.upload.fileId);
      throw err;
    }
    return {};
  }

  private async setFromUpload(p: SetAvatarPayload, upload: UploadedFileRef, canEditOther: boolean): Promise<void> {
    // multipart: the target comes from the form's userId/username fields
    let target: Target = p.caller;
    if (p.userId || p.username) {
      const found = await this.users.findOne(
        p.userId ? { _id: p.userId } : { username: exactInsensitive(p.username!) },
        { username: 1 },
      );
      if (!found?.username) {
        throw RcError.failure(
          'error-invalid-user',
          'The optional "userId" or "username" param provided does not match any users',
        );
      }
      if (found._id !== p.caller._id && !canEditOther) {
        throw RcError.failure('error-not-allowed', 'Not allowed');
      }
      target = { _id: found._id, username: found.username };
    }
    const type = await this.validateUpload(upload);
    await this.apply(target, 'rest', () => this.store.adopt(target, upload.fileId, type, upload.size));
  }

  /** users.resetAvatar */
  async resetAvatar(p: CallerPayload & UserParams): Promise<Empty> {
    const user = await this.userFromParams(p);
    const allowChange = await this.settings.get<boolean>('Accounts_AllowUserAvatarChange');
    const canEditOther = await this.authorization.hasPermission(p.caller.roles, 'edit-other-user-avatar');
    const self = user._id === p.caller._id;
    if (!(allowChange && self) && !canEditOther) {
      if (!(await this.authorization.hasPermission(p.caller.roles, 'manage-moderation-actions'))) {
        throw RcError.failure('error-not-allowed', 'Reset avatar is not allowed', { method: 'users.resetAvatar' });
      }
      // a moderator without edit-other-user-avatar reaches Rocket.Chat's resetAvatar method, which refuses
      if (!allowChange) {
        throw RcError.failure('error-not-allowed', 'Not allowed', { method: 'resetAvatar' });
      }
      if (!self) {
        throw new RcError('error-unauthorized', 'Unauthorized', { method: 'resetAvatar' }, 'forbidden');
      }
    }
    await this.store.removeAll(user);
    await this.users.updateOne(
      { _id: user._id },
      { $unset: { avatarOrigin: 1, avatarETag: 1 }, $set: { _updatedAt: new Date() } },
    );
    await this.events.publish(RcEvent.UserChanged, { userId: user._id });
    return {};
  }

  /** users.getAvatar: where the user's avatar is served. */
  async getAvatar(p: UserParams): Promise<GetAvatarResult> {
    const user = await this.userFromParams(p);
    const siteUrl = (await this.settings.string('Site_Url', '')).replace(/\/+$/, '');
    return { url: `${siteUrl}/avatar/${user.username}` };
  }

  /** Rocket.Chat's isUserFromParams: no user named, or the caller named. */
  private isCaller(caller: AuthUser, p: UserParams): boolean {
    return (
      (!p.userId && !p.username && !p.user) ||
      (!!p.userId && p.userId === caller._id) ||
      (!!p.username && p.username === caller.username) ||
      (!!p.user && p.user === caller.username)
    );
  }

  /** Rocket.Chat's getUserFromParams. */
  private async userFromParams(p: UserParams): Promise<Target> {
    let found: { _id: string; username?: string } | null;
    if (p.userId?.trim()) {
      found = await this.users.findById(p.userId, { username: 1 });
    } else if (p.username?.trim() || p.user?.trim()) {
      found = await this.users.findByUsername((p.username?.trim() ? p.username : p.user)!, { username: 1 });
    } else {
      throw Errors.userParamNotProvided();
    }
    if (!found?.username) {
      throw Errors.userNotFoundByParams();
    }
    return { _id: found._id, username: found.username };
  }

  private async maxBytes(): Promise<number> {
    const setting = Number(await this.settings.get<number>('FileUpload_MaxFileSize'));
    return Number.isFinite(setting) && setting > -1 ? Math.min(setting, AVATAR_MAX_BYTES) : AVATAR_MAX_BYTES;
  }

  private async tooLarge(): Promise<RcError> {
    return RcError.failure(
      'error-file-too-large',
      `File exceeds allowed size of ${formatBytes(await this.maxBytes())}.`,
    );
  }

  /** The upload's image type, or Rocket.Chat's refusal. */
  private async validateUpload(upload: UploadedFileRef): Promise<string> {
    if (!upload.contentType) {
      throw RcError.failure('error-avatar-invalid-content-type', 'Invalid avatar content type', {
        function: 'setUserAvatar',
      });
    }
    const type = imageContentType(upload.contentType, upload.filename);
    if (!type) {
      throw RcError.failure('error-invalid-file-type', 'File type is not accepted.');
    }
    if (!upload.size) {
      throw RcError.failure('error-invalid-file-type', 'File type is not accepted.');
    }
    if (upload.size > (await this.maxBytes())) {
      throw await this.tooLarge();
    }
    return type;
  }

  /** Downloads an avatarUrl with Rocket.Chat's errors for each way it can fail. */
  private async download(url: string, target: Target): Promise<{ data: Buffer; type: string }> {
    const invalid = () =>
      RcError.failure('error-avatar-invalid-url', `Invalid avatar URL: ${encodeUriLoosely(url)}`, {
        function: 'setUserAvatar',
        url,
      });
    const outcome = await fetchRemoteImage(url, {
      maxBytes: await this.maxBytes(),
      timeoutMs: AVATAR_URL_TIMEOUT_MS,
      allowPrivate: (await this.settings.get<boolean>('Avatar_Allow_Private_Urls')) === true,
    });
    switch (outcome.kind) {
      case 'ok': {
        const type = imageContentType(outcome.contentType);
        if (!type || !outcome.data.length) {
          this.logger.log(`avatar url ${encodeUriLoosely(url)} answered content-type "${outcome.contentType}"`);
          throw invalid();
        }
        return { data: outcome.data, type };
      }
      case 'status':
        if (outcome.status !== 404) {
          throw RcError.failure(
            'error-avatar-url-handling',
            `Error while handling avatar setting from a URL (${encodeUriLoosely(url)}) for ${target.username}`,
            { function: 'RocketChat.setUserAvatar', url, username: target.username },
          );
        }
        throw invalid();
      case 'too-large':
        throw await this.tooLarge();
      default:
        this.logger.log(`avatar url ${encodeUriLoosely(url)} refused or failed: ${outcome.reason}`);
        throw invalid();
    }
  }

  /** Stores the image, points the user at it and tells every replica the user changed. */
  private async apply(target: Target, origin: 'rest' | 'url', store: () => Promise<StoredAvatar>): Promise<void> {
    const stored = await store();
    await this.users.updateOne(
      { _id: target._id },
      { $set: { avatarOrigin: origin, avatarETag: stored.etag, _updatedAt: new Date() } },
    );
    await this.events.publish(RcEvent.UserChanged, { userId: target._id });
  }
}
