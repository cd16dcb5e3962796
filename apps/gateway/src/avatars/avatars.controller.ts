import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  Post,
  Query,
  Res,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser, Public } from '@app/auth';
import { AVATAR_RPC_TIMEOUT_MS, AuthUser, AvatarsPattern, AvatarUpload } from '@app/contracts';
import { RawResponse } from '@app/envelope';
import { RpcClient } from '@app/transport';
import { RouteRateLimit } from '../core/rate-limit.policy';
import { AvatarUploadInterceptor, UploadedPart } from './avatar-upload.interceptor';
import { ResetAvatarDto } from './dto/reset-avatar.dto';
import { SetAvatarDto } from './dto/set-avatar.dto';

/** multer leaves `files` undefined for a body that is not multipart, and `[]` for a form without a file. */
function uploadOf(files: UploadedPart[] | undefined): AvatarUpload | null | undefined {
  if (!files) {
    return undefined;
  }
  const [file] = files;
  return file
    ? { data: file.buffer.toString('base64'), contentType: file.mimetype, filename: file.originalname }
    : null;
}

@Controller()
export class AvatarsController {
  constructor(private readonly rpc: RpcClient) {}

  /** JSON `{avatarUrl, userId?|username?}`, or multipart with an `image` part (+ optional userId/username fields). */
  @Post('api/v1/users.setAvatar')
  @UseInterceptors(AvatarUploadInterceptor)
  setAvatar(@CurrentUser() caller: AuthUser, @Body() dto: SetAvatarDto, @UploadedFiles() files?: UploadedPart[]) {
    return this.rpc.send(AvatarsPattern.SetAvatar, { caller, ...dto, upload: uploadOf(files) }, AVATAR_RPC_TIMEOUT_MS);
  }

  @Post('api/v1/users.resetAvatar')
  resetAvatar(@CurrentUser() caller: AuthUser, @Body() dto: ResetAvatarDto) {
    return this.rpc.send(AvatarsPattern.ResetAvatar, { caller, ...dto });
  }

  /** 307 to the avatar route; the body is the URL as a JSON string (CONVENTIONS §1). */
  @Get('api/v1/users.getAvatar')
  @Public()
  @RawResponse()
  async getAvatar(@Query() q: Record<string, string | undefined>, @Res() res: Response): Promise<void> {
    const { url } = await this.rpc.send(AvatarsPattern.GetAvatar, {
      userId: q.userId,
      username: q.username,
      user: q.user,
    });
    res.status(307).setHeader('Location', encodeURI(url)).json(url);
  }

  /** The avatar route (public, outside /api/v1, not rate limited, cache friendly). Room avatars are not served. */
  @Get('avatar/:username')
  @Public()
  @RouteRateLimit(false)
  @RawResponse()
  async userAvatar(
    @Param('username') name: string,
    @Query('size') size: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('if-modified-since') ifModifiedSince: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const avatar = await this.rpc.send(AvatarsPattern.UserAvatar, {
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
    if (avatar.notModified || !avatar.data) {
      res.status(304).end();
      return;
    }
    const body = Buffer.from(avatar.data, 'base64');
    res.status(200).type(avatar.contentType).setHeader('Content-Length', body.length).end(body);
  }
}
