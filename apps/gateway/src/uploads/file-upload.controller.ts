import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Readable } from 'node:stream';
import { hashLoginToken, Public, TokenResolver } from '@app/auth';
import { AuthUser, ServedFile, UPLOADS_BUCKET, UploadsPattern } from '@app/contracts';
import { RawResponse, RcError } from '@app/envelope';
import { FileBucket, FileStorage } from '@app/storage';
import { RpcClient } from '@app/transport';
import { ValidQuery } from '@app/validation';
import { RouteRateLimit } from '../platform/rate-limit.policy';
import { ByteSlice, parseByteRange } from '../platform/uploads/byte-range';
import { fileCredentials } from '../platform/uploads/file-credentials';
import { FileRouteDto } from './dto/room-uploads.dto';

/** `attachment` / `inline` with the name in RFC 5987 form (any character survives). */
const disposition = (kind: 'inline' | 'attachment', name: string) =>
  `${kind}; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * The file route of room uploads, served by every gateway from the storage bucket: `/file-upload/<id>/<name>`
 * (and Rocket.Chat's older `/ufs/<store>/<id>/<name>`). Who may read a file is chat's answer (the
 * `FileUpload_ProtectFiles` / `FileUpload_Restrict_*` rules); the caller is named as Rocket.Chat accepts it:
 * `?rc_uid=&rc_token=`, the `rc_uid` / `rc_token` cookies, or the X-User-Id / X-Auth-Token headers.
 * Refusals keep Rocket.Chat's statuses (403, 404; Rocket.Chat sends them without a body) with the failure
 * envelope every 4xx of this API carries (`unauthorized`, `Resource not found`).
 */
@Controller()
export class FileUploadController {
  private readonly uploads: FileBucket;

  constructor(
    private readonly rpc: RpcClient,
    private readonly tokens: TokenResolver,
    storage: FileStorage,
  ) {
    this.uploads = storage.bucket(UPLOADS_BUCKET);
  }

  @Get(['file-upload/:id/:name', 'ufs/:store/:id/:name'])
  @Public()
  @RouteRateLimit(false)
  @RawResponse()
  async file(
    @Param('id') id: string,
    @ValidQuery(FileRouteDto) query: FileRouteDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res() res: Response,
  ): Promise<void> {
    const caller = await this.caller(query, headers);
    const access = await this.rpc.send(UploadsPattern.FileAccess, { fileId: id, ...(caller ? { caller } : {}) });
    if (access.status !== 'ok') {
      throw access.status === 'forbidden' ? RcError.forbidden() : RcError.notFound();
    }
    const stored = await this.uploads.open(access.file._id);
    if (!stored) {
      throw RcError.notFound();
    }
    this.serve(access.file, stored.file.size, stored.stream, query.download !== undefined, headers, res);
  }

  private serve(
    file: ServedFile,
    size: number,
    stream: Readable,
    download: boolean,
    headers: Record<string, string | undefined>,
    res: Response,
  ): void {
    const modified = file.uploadedAt ? new Date(file.uploadedAt) : undefined;
    res.set({
      'Content-Type': file.type || 'application/octet-stream',
      'Content-Disposition': disposition(download ? 'attachment' : 'inline', file.name),
      'Cache-Control': 'private, max-age=31536000',
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Accept-Ranges': 'bytes',
      ...(modified ? { 'Last-Modified': modified.toUTCString() } : {}),
    });
    const since = headers['if-modified-since'] ? Date.parse(headers['if-modified-since']) : Number.NaN;
    if (modified && !Number.isNaN(since) && Math.floor(modified.getTime() / 1000) * 1000 <= since) {
      stream.destroy();
      res.status(304).end();
      return;
    }
    const range = parseByteRange(headers.range, size);
    const fail = () => res.destroy();
    if (range === 'unsatisfiable') {
      stream.destroy();
      res.status(416).set('Content-Range', `bytes */${size}`).end();
      return;
    }
    if (range) {
      res.status(206).set({
        'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
        'Content-Length': String(range.end - range.start + 1),
      });
      stream.on('error', fail).pipe(new ByteSlice(range)).on('error', fail).pipe(res);
      return;
    }
    res.status(200).set('Content-Length', String(size));
    stream.on('error', fail).pipe(res);
  }

  private async caller(query: FileRouteDto, headers: Record<string, string | undefined>): Promise<AuthUser | null> {
    const credentials = fileCredentials(query, headers);
    return credentials ? this.tokens.resolve(credentials.userId, hashLoginToken(credentials.token)) : null;
  }
}
