import { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { randomBytes } from 'node:crypto';
import { Model } from 'mongoose';
import { contextModule } from '../../../../test/int/context-module';
import { AuthModule } from '../auth/auth.module';
import { AuthorizationModule } from '../authorization/authorization.module';
import { DEFAULT_SETTINGS_BY_ID } from './data/default-settings';
import { Setting } from './schemas/setting.schema';
import { SettingsModule } from './settings.module';
import { SettingsService } from './settings.service';

/** Two replicas of the settings context on one database and one Redis prefix. */
describe('settings context (middle tier: seeding, environment, replicas)', () => {
  const shared = {
    MONGO_URL: `${process.env.INT_MONGO_URL}/rc_int_settings_${randomBytes(3).toString('hex')}`,
    RC_REDIS_PREFIX: `intset${randomBytes(3).toString('hex')}`,
    SETTINGS_BLOCKED: 'Force_SSL',
    SETTINGS_HIDDEN: 'Stream_Cast_Address, Site_Url',
  };
  const start = () => contextModule([SettingsModule, AuthorizationModule, AuthModule], shared);
  const apps: INestApplicationContext[] = [];
  let first: INestApplicationContext;
  let model: Model<Setting>;

  beforeAll(async () => {
    process.env.OVERWRITE_SETTING_Site_Name = 'From the environment';
    process.env.OVERWRITE_SETTING_API_Default_Count = '25';
    try {
      first = await start();
    } finally {
      delete process.env.OVERWRITE_SETTING_Site_Name;
      delete process.env.OVERWRITE_SETTING_API_Default_Count;
    }
    apps.push(first);
    model = first.get<Model<Setting>>(getModelToken(Setting.name));
  });

  afterAll(async () => {
    for (const app of apps) {
      await app.close();
    }
  });

  it('seeds every default with its metadata, the environment’s values and protections applied', async () => {
    expect(await model.countDocuments()).toBe(DEFAULT_SETTINGS_BY_ID.size);
    const settings = first.get(SettingsService);
    expect(await settings.get('Site_Name')).toBe('From the environment');
    expect(await settings.get('API_Default_Count')).toBe(25);
    expect(await model.findById('Site_Name').lean()).toMatchObject({
      valueSource: 'processEnvValue',
      packageValue: 'Rocket.Chat',
      group: 'General',
      public: true,
    });
    expect(await model.findById('Force_SSL').lean()).toMatchObject({ blocked: true });
    expect(await model.findById('Site_Url').lean()).toMatchObject({ hidden: true });
    // protected settings cannot change through the service
    expect(await settings.update('Force_SSL', true)).toBe(false);
    expect(await settings.update('Site_Url', 'http://x')).toBe(false);
    expect(await settings.update('No_Such_Setting', 1)).toBe(false);
    // random values are made once
    const uniqueId = await settings.get<string>('uniqueID');
    expect(uniqueId).toMatch(/^\w{17}$/);
  });

  it('a restart keeps customised values, moves uncustomised ones to a changed default, keeps random ones', async () => {
    // as left by an older release whose default was 20, and an admin's own choice
    await model.updateOne({ _id: 'API_Upper_Count_Limit' }, { $set: { value: 20, packageValue: 20 } });
    await model.updateOne({ _id: 'Message_MaxAllowedSize' }, { $set: { value: 1234 } });
    await model.deleteOne({ _id: 'Threads_enabled' });
    const uniqueId = await first.get(SettingsService).get('uniqueID');
    const second = await start();
    apps.push(second);
    const settings = second.get(SettingsService);
    expect(await settings.get('API_Upper_Count_Limit')).toBe(100);
    expect(await settings.get('Message_MaxAllowedSize')).toBe(1234);
    expect(await settings.get('Threads_enabled')).toBe(true);
    expect(await settings.get('uniqueID')).toBe(uniqueId);
    // without OVERWRITE_SETTING_* this time, the stored value stays what the last start set
    expect(await settings.get('Site_Name')).toBe('From the environment');
  });

  it('a change on one replica is seen by the other at once (settings.changed)', async () => {
    const [a, b] = [apps[0].get(SettingsService), apps[1].get(SettingsService)];
    expect(await b.get('Message_AllowEditing')).toBe(true);
    expect(await a.update('Message_AllowEditing', false)).toBe(true);
    const deadline = Date.now() + 2000;
    while ((await b.get('Message_AllowEditing')) !== false && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await b.get('Message_AllowEditing')).toBe(false);
    await a.update('Message_AllowEditing', true);
  });
});
