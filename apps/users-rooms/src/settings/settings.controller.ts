import { Controller } from '@nestjs/common';
import { InternalPattern, SettingsGetPayload } from '@app/contracts';
import { Handles } from '@app/transport';
import { SettingsService } from './settings.service';

@Controller()
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  /** `ids: []` asks for every setting (the settings client of the other apps). */
  @Handles(InternalPattern.SettingsGet)
  async get(p: SettingsGetPayload) {
    return p.ids.length ? this.settings.getMany(p.ids) : Object.fromEntries(await this.settings.all());
  }
}
