import { Controller } from '@nestjs/common';
import {
  InternalPattern,
  SettingsGetOnePayload,
  SettingsGetPayload,
  SettingsListPayload,
  SettingsPattern,
  SettingsPublicPayload,
  SettingsUpdatePayload,
} from '@app/contracts';
import { Handles } from '@app/transport';
import { SettingsApiService } from './settings-api.service';
import { SettingsService } from './settings.service';

@Controller()
export class SettingsController {
  constructor(
    private readonly settings: SettingsService,
    private readonly api: SettingsApiService,
  ) {}

  /**
   * `ids: []` asks for every setting (the settings client of the other apps, after a `settings.changed`). Read
   * from the collection, not from this replica's copy, which may not have seen the same event yet.
   */
  @Handles(InternalPattern.SettingsGet)
  async get(p: SettingsGetPayload) {
    return p.ids.length ? this.settings.getMany(p.ids) : Object.fromEntries(await this.settings.readAll());
  }

  @Handles(SettingsPattern.Public)
  publicSettings(p: SettingsPublicPayload) {
    return this.api.publicSettings(p);
  }

  @Handles(SettingsPattern.List)
  list(p: SettingsListPayload) {
    return this.api.list(p);
  }

  @Handles(SettingsPattern.GetOne)
  getOne(p: SettingsGetOnePayload) {
    return this.api.getOne(p);
  }

  @Handles(SettingsPattern.Update)
  update(p: SettingsUpdatePayload) {
    return this.api.update(p);
  }

  @Handles(SettingsPattern.OAuth)
  oauth() {
    return this.api.oauth();
  }

  @Handles(SettingsPattern.ServiceConfigurations)
  serviceConfigurations() {
    return this.api.serviceConfigurations();
  }
}
