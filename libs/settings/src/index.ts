export * from './settings-reader';
export * from './settings-client';
export * from './settings-client.module';
export * from './fresh-copy';
