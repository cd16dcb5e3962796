import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import {
  AVATAR_MAX_BYTES,
  AVATAR_URL_TIMEOUT_MS,
  AuthUser,
  AvatarUpload,
  AvatarUserParams,
  GetAvatarResult,
  RcEvent,
  ResetAvatarPayload,
  SetAvatarPayload,
} from '@app/contracts';
import { RcError } from '@app/envelope';
import { EventBus } from '@app/transport';
import { AuthorizationService } from '../authorization/authorization.service';
import { exactInsensitive } from '../common/regex';
import { SettingsService } from '../settings/settings.service';
import { User } from '../users/schemas/user.schema';
import { AvatarStore } from './avatar-store.service';
import { fetchRemoteImage } from './remote-image';

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
    @InjectModel(User.name) private readonly users: Model<User>,
    private readonly store: AvatarStore,
    private readonly settings: SettingsService,
    private readonly authorization: AuthorizationService,
    private readonly events: EventBus,
  ) {}

  /** users.setAvatar */
  async setAvatar(p: SetAvatarPayload): Promise<Record<string, never>> {
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
      await this.apply(target, image.data, image.type, 'url');
      return {};
    }
    if (!p.upload) {
      throw RcError.failure('No file uploaded');
    }
    // multipart: the target comes from the form's userId/username fields
    let target: Target = p.caller;
    if (p.userId || p.username) {
      const found = await this.users
        .findOne(p.userId ? { _id: p.userId } : { username: exactInsensitive(p.username!) }, { username: 1 })
        .lean();
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
    const image = await this.validateUpload(p.upload);
    await this.apply(target, image.data, image.type, 'rest');
    return {};
  }

  /** users.resetAvatar */
  async resetAvatar(p: ResetAvatarPayload): Promise<Record<string, never>> {
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
  async getAvatar(p: AvatarUserParams): Promise<GetAvatarResult> {
    const user = await this.userFromParams(p);
    const siteUrl = String((await this.settings.get<string>('Site_Url')) ?? '').replace(/\/+$/, '');
    return { url: `${siteUrl}/avatar/${user.username}` };
  }

  /** Rocket.Chat's isUserFromParams: no user named, or the caller named. */
  private isCaller(caller: AuthUser, p: AvatarUserParams): boolean {
    return (
      (!p.userId && !p.username && !p.user) ||
      (!!p.userId && p.userId === caller._id) ||
      (!!p.username && p.username === caller.username) ||
      (!!p.user && p.user === caller.username)
    );
  }

  /** Rocket.Chat's getUserFromParams. */
  private async userFromParams(p: AvatarUserParams): Promise<Target> {
    let found: { _id: string; username?: string } | null;
    if (p.userId?.trim()) {
      found = await this.users.findOne({ _id: p.userId }, { username: 1 }).lean();
    } else if (p.username?.trim() || p.user?.trim()) {
      const name = (p.username?.trim() ? p.username : p.user)!;
      found = await this.users.findOne({ username: exactInsensitive(name) }, { username: 1 }).lean();
    } else {
      throw RcError.failure(
        'error-user-param-not-provided',
        'The required "userId" or "username" param was not provided',
      );
    }
    if (!found?.username) {
      throw RcError.failure(
        'error-invalid-user',
        'The required "userId" or "username" param provided does not match any users',
      );
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

  private async validateUpload(upload: AvatarUpload): Promise<{ data: Buffer; type: string }> {
    if (!upload.contentType) {
      throw RcError.failure('error-avatar-invalid-content-type', 'Invalid avatar content type', {
        function: 'setUserAvatar',
      });
    }
    const type = imageContentType(upload.contentType, upload.filename);
    if (!type) {
      throw RcError.failure('error-invalid-file-type', 'File type is not accepted.');
    }
    const data = Buffer.from(upload.data, 'base64');
    if (!data.length) {
      throw RcError.failure('error-invalid-file-type', 'File type is not accepted.');
    }
    if (data.length > (await this.maxBytes())) {
      throw await this.tooLarge();
    }
    return { data, type };
  }

  /** Downloads an avatarUrl with Rocket.Chat's errors for each way it can fail. */
  private async download(url: string, target: Target): Promise<{ data: Buffer; type: string }> {
    const invalid = () =>
      RcError.failure('error-avatar-invalid-url', `Invalid avatar URL: ${encodeURI(url)}`, {
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
          this.logger.log(`avatar url ${encodeURI(url)} answered content-type "${outcome.contentType}"`);
          throw invalid();
        }
        return { data: outcome.data, type };
      }
      case 'status':
        if (outcome.status !== 404) {
          throw RcError.failure(
            'error-avatar-url-handling',
            `Error while handling avatar setting from a URL (${encodeURI(url)}) for ${target.username}`,
            { function: 'RocketChat.setUserAvatar', url, username: target.username },
          );
        }
        throw invalid();
      case 'too-large':
        throw await this.tooLarge();
      default:
        this.logger.log(`avatar url ${encodeURI(url)} refused or failed: ${outcome.reason}`);
        throw invalid();
    }
  }

  /** Stores the image, points the user at it and tells every replica the user changed. */
  private async apply(target: Target, data: Buffer, type: string, origin: 'rest' | 'url'): Promise<void> {
    const stored = await this.store.save(target, data, type);
    await this.users.updateOne(
      { _id: target._id },
      { $set: { avatarOrigin: origin, avatarETag: stored.etag, _updatedAt: new Date() } },
    );
    await this.events.publish(RcEvent.UserChanged, { userId: target._id });
  }
}
