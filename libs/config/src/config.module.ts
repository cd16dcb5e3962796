import { DynamicModule, Global, Module } from '@nestjs/common';
import { cleanEnv } from 'envalid';
import { sharedEnvSpec } from './env';

/** Injection token of the validated, typed environment of the running app. */
export const APP_ENV = Symbol('APP_ENV');

/**
 * Validates the environment once at boot (fails fast on bad values) and provides it as a typed, frozen object.
 * `OVERWRITE_SETTING_*` variables are not read here: they are settings, applied by the settings owner.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot<S extends typeof sharedEnvSpec>(spec: S, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    // a plain frozen copy: envalid's proxy throws on unknown keys, which Nest probes for lifecycle hooks
    const value = Object.freeze({ ...cleanEnv(env, spec) });
    return { module: ConfigModule, providers: [{ provide: APP_ENV, useValue: value }], exports: [APP_ENV] };
  }
}
