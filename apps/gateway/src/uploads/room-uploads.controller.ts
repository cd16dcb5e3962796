import { Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { CurrentUser } from '@app/auth';
import { AuthUser, UPLOAD_RPC_TIMEOUT_MS, UploadedFileRef, UploadsPattern } from '@app/contracts';
import { RpcClient } from '@app/transport';
import { ValidBody } from '@app/validation';
import { StoredUpload } from '../platform/uploads/single-file-upload';
import { FileMessageDto, RoomMediaDto } from './dto/room-uploads.dto';
import { RoomUploadInterceptor } from './room-upload.interceptor';

/**
 * rooms.upload/:rid (one step: the file and its message), and Rocket.Chat 7's two steps rooms.media/:rid (the
 * file) + rooms.mediaConfirm/:rid/:fileId (its message). The bytes go into storage here; chat files the upload
 * and writes the message.
 */
@Controller('api/v1')
export class RoomUploadsController {
  constructor(private readonly rpc: RpcClient) {}

  /** multipart: part `file`; fields `msg`, `description`, `tmid` */
  @Post('rooms.upload/:rid')
  @UseInterceptors(RoomUploadInterceptor)
  upload(
    @CurrentUser() caller: AuthUser,
    @Param('rid') rid: string,
    @ValidBody(FileMessageDto) dto: FileMessageDto,
    @StoredUpload() file: UploadedFileRef,
  ) {
    return this.rpc.send(UploadsPattern.Upload, { caller, rid, file, ...dto }, UPLOAD_RPC_TIMEOUT_MS);
  }

  /** multipart: part `file`; answers `{ file: { _id, url } }`, a file no one sees until it is confirmed */
  @Post('rooms.media/:rid')
  @UseInterceptors(RoomUploadInterceptor)
  media(
    @CurrentUser() caller: AuthUser,
    @Param('rid') rid: string,
    @ValidBody(RoomMediaDto) _dto: RoomMediaDto,
    @StoredUpload() file: UploadedFileRef,
  ) {
    return this.rpc.send(UploadsPattern.Media, { caller, rid, file }, UPLOAD_RPC_TIMEOUT_MS);
  }

  @Post('rooms.mediaConfirm/:rid/:fileId')
  mediaConfirm(
    @CurrentUser() caller: AuthUser,
    @Param('rid') rid: string,
    @Param('fileId') fileId: string,
    @ValidBody(FileMessageDto) dto: FileMessageDto,
  ) {
    return this.rpc.send(UploadsPattern.MediaConfirm, { caller, rid, fileId, ...dto });
  }
}
