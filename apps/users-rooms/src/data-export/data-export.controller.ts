import { Controller } from '@nestjs/common';
import { RequestDataDownloadPayload, UsersPattern } from '@app/contracts';
import { Handles } from '@app/transport';
import { DataDownloadService } from './data-download.service';

@Controller()
export class DataExportController {
  constructor(private readonly downloads: DataDownloadService) {}

  @Handles(UsersPattern.RequestDataDownload)
  requestDataDownload(p: RequestDataDownloadPayload) {
    return this.downloads.request(p);
  }
}
