import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SettingsReader } from '@app/settings';
import { Setting, SettingSchema } from './schemas/setting.schema';
import { SettingActions } from './setting-actions';
import { SettingsApiService } from './settings-api.service';
import { SettingsController } from './settings.controller';
import { SettingsService } from './settings.service';

/**
 * Owner of `rocketchat_settings` and the settings API; every context reads settings through `SettingsReader`
 * (or SettingsService). The API's permission and second-factor checks come from the contexts above through
 * ports (`PermissionCheck`, `SecondFactorCheck`); action settings run what those contexts register in
 * `SettingActions`.
 */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: Setting.name, schema: SettingSchema }])],
  controllers: [SettingsController],
  providers: [
    SettingsService,
    SettingsApiService,
    SettingActions,
    { provide: SettingsReader, useExisting: SettingsService },
  ],
  exports: [SettingsService, SettingsReader, SettingActions],
})
export class SettingsModule {}
