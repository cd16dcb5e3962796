import { Controller } from '@nestjs/common';
import {
  FileAccessPayload,
  MediaConfirmPayload,
  RoomMediaPayload,
  RoomUploadPayload,
  UploadsPattern,
} from '@app/contracts';
import { Handles, StreamsContext } from '@app/transport';
import { RoomUploadsService } from './room-uploads.service';

/** rooms.upload, rooms.media, rooms.mediaConfirm and the file route's access rule. */
@Controller()
export class RoomUploadsController {
  constructor(private readonly uploads: RoomUploadsService) {}

  @Handles(UploadsPattern.Upload)
  upload(p: RoomUploadPayload, ctx: StreamsContext) {
    return this.uploads.upload(p, ctx.getRequestId());
  }

  @Handles(UploadsPattern.Media)
  media(p: RoomMediaPayload) {
    return this.uploads.media(p);
  }

  @Handles(UploadsPattern.MediaConfirm)
  mediaConfirm(p: MediaConfirmPayload, ctx: StreamsContext) {
    return this.uploads.mediaConfirm(p, ctx.getRequestId());
  }

  @Handles(UploadsPattern.FileAccess)
  fileAccess(p: FileAccessPayload) {
    return this.uploads.fileAccess(p);
  }
}
