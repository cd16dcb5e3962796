/**
 * A Nest testing module for one users-rooms (or chat) context: the shared infrastructure every context expects
 * (validated env, MongoDB on a database of its own, Redis for events and counters, settings, in-process events),
 * plus the context modules under test. No transport server and no other app run.
 */
import { DynamicModule, INestApplicationContext, Type } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { ConfigModule, usersRoomsEnvSpec } from '@app/config';
import { DatabaseModule } from '@app/database';
import { JobsModule } from '@app/jobs';
import { StorageModule } from '@app/storage';
import { TransportModule } from '@app/transport';

export async function contextModule(
  imports: (Type<unknown> | DynamicModule)[],
  env: Record<string, string> = {},
): Promise<INestApplicationContext> {
  const redisUrl = process.env.INT_REDIS_URL;
  const mongoUrl = process.env.INT_MONGO_URL;
  if (!redisUrl || !mongoUrl) {
    throw new Error(
      'run the middle tier with `npm run test:int` (test/int/jest-int.config.js starts Redis and MongoDB)',
    );
  }
  const prefix = `int${randomBytes(3).toString('hex')}`;
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(usersRoomsEnvSpec, {
        REDIS_URL: redisUrl,
        MONGO_URL: `${mongoUrl}/rc_int_${prefix}`,
        RC_REDIS_PREFIX: prefix,
        LOG_LEVEL: 'warn',
        ...env,
      }),
      DatabaseModule.forRoot(),
      TransportModule.forRoot(`int-${prefix}`),
      JobsModule.forRoot(),
      StorageModule,
      EventEmitterModule.forRoot(),
      ...imports,
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  await app.init();
  return app;
}
