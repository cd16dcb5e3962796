import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SettingsReader } from '@app/settings';
import { Setting, SettingSchema } from './schemas/setting.schema';
import { SettingsController } from './settings.controller';
import { SettingsService } from './settings.service';

/** Owner of `rocketchat_settings`; every context reads settings through `SettingsReader` (or SettingsService). */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: Setting.name, schema: SettingSchema }])],
  controllers: [SettingsController],
  providers: [SettingsService, { provide: SettingsReader, useExisting: SettingsService }],
  exports: [SettingsService, SettingsReader],
})
export class SettingsModule {}
