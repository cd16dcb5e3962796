import { Controller } from '@nestjs/common';
import { DirectoryPattern, DirectoryPayload, SpotlightPayload } from '@app/contracts';
import { Handles } from '@app/transport';
import { DirectoryService } from './directory.service';
import { SpotlightService } from './spotlight.service';

/** Searching the server: directory and spotlight. */
@Controller()
export class DirectoryController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly spotlight: SpotlightService,
  ) {}

  @Handles(DirectoryPattern.Directory)
  search(p: DirectoryPayload) {
    return this.directory.search(p);
  }

  @Handles(DirectoryPattern.Spotlight)
  spot(p: SpotlightPayload) {
    return this.spotlight.search(p);
  }
}
