export * from './hash-token';
export * from './permission-store';
export * from './decorators';
export * from './auth.guard';
export * from './permissions-client.module';
