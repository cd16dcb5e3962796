import { Global, Module } from '@nestjs/common';
import { SettingsClient } from './settings-client';
import { SettingsReader } from './settings-reader';

/** The settings of every app but their owner: `SettingsReader` backed by `SettingsClient`. */
@Global()
@Module({
  providers: [SettingsClient, { provide: SettingsReader, useExisting: SettingsClient }],
  exports: [SettingsReader, SettingsClient],
})
export class SettingsClientModule {}
