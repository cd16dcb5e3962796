import { Controller, Get, Headers, Param, Post, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser, Public } from '@app/auth';
import { AVATAR_RPC_TIMEOUT_MS, AVATARS_BUCKET, AuthUser, UsersAvatarPattern } from '@app/contracts';
import { RawResponse } from '@app/envelope';
import { FileBucket, FileStorage } from '@app/storage';
import { RpcClient } from '@app/transport';
import { NoParams, ValidBody, ValidQuery } from '@app/validation';
import { RouteRateLimit } from '../platform/rate-limit.policy';
import type { StoredPart } from '../platform/uploads/storage-engine';
import { AvatarUploadInterceptor, uploadOf } from './avatar-upload.interceptor';
import { AvatarRouteDto, SetAvatarDto, UserSelectorDto } from './dto/users-avatar.dto';

/** users.setAvatar, users.resetAvatar, users.getAvatar and the avatar route. Bytes go through storage only. */
@Controller()
export class UsersAvatarController {
  private readonly avatars: FileBucket;

  constructor(
    private readonly rpc: RpcClient,
    storage: FileStorage,
  ) {
    this.avatars = storage.bucket(AVATARS_BUCKET);
  }

  /** JSON `{avatarUrl, userId?|username?}`, or multipart with an `image` part (+ optional userId/username fields). */
  @Post('api/v1/users.setAvatar')
  @UseInterceptors(AvatarUploadInterceptor)
  setAvatar(
    @CurrentUser() caller: AuthUser,
    @ValidBody(SetAvatarDto) dto: SetAvatarDto,
    @UploadedFiles() files?: StoredPart[],
  ) {
    return this.rpc.send(
      UsersAvatarPattern.SetAvatar,
      { caller, ...dto, upload: uploadOf(files) },
      AVATAR_RPC_TIMEOUT_MS,
    );
  }

  @Post('api/v1/users.resetAvatar')
  resetAvatar(@CurrentUser() caller: AuthUser, @ValidBody(UserSelectorDto) dto: UserSelectorDto) {
    return this.rpc.send(UsersAvatarPattern.ResetAvatar, { caller, ...dto });
  }

  /** Avatars the caller's login services and Gravatar offer, the images inline. */
  @Get('api/v1/users.getAvatarSuggestion')
  getAvatarSuggestion(@CurrentUser() caller: AuthUser, @ValidQuery(NoParams) _: object) {
    return this.rpc.send(UsersAvatarPattern.GetAvatarSuggestion, { caller }, AVATAR_RPC_TIMEOUT_MS);
  }

  /** 307 to the avatar route; the body is the URL as a JSON string (CONVENTIONS §1). */
  @Get('api/v1/users.getAvatar')
  @Public()
  @RawResponse()
  async getAvatar(@ValidQuery(UserSelectorDto) dto: UserSelectorDto, @Res() res: Response): Promise<void> {
    const { url } = await this.rpc.send(UsersAvatarPattern.GetAvatar, dto);
    res.status(307).setHeader('Location', encodeURI(url)).json(url);
  }

  /** The avatar route (public, outside /api/v1, not rate limited, cache friendly). Room avatars are not served. */
  @Get('avatar/:username')
  @Public()
  @RouteRateLimit(false)
  @RawResponse()
  async userAvatar(
    @Param('username') name: string,
    @ValidQuery(AvatarRouteDto) { size }: AvatarRouteDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('if-modified-since') ifModifiedSince: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const avatar = await this.rpc.send(UsersAvatarPattern.UserAvatar, {
      name,
      size: size ? Number.parseInt(size, 10) : undefined,
      ifNoneMatch,
      ifModifiedSince,
    });
    res.set({
      'Cache-Control': `public, max-age=${avatar.maxAge}`,
      'Content-Disposition': 'inline',
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      ETag: avatar.etag,
      'Last-Modified': avatar.lastModified,
    });
    const stored = avatar.fileId ? await this.avatars.open(avatar.fileId) : null;
    if (avatar.notModified || (!stored && avatar.svg === undefined)) {
      res.status(304).end();
      return;
    }
    if (avatar.svg !== undefined) {
      const body = Buffer.from(avatar.svg);
      res.status(200).type(avatar.contentType).setHeader('Content-Length', body.length).end(body);
      return;
    }
    res.status(200).type(avatar.contentType).setHeader('Content-Length', stored!.file.size);
    stored!.stream.on('error', () => res.destroy()).pipe(res);
  }
}
