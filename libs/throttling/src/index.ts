export * from './redis-throttler.storage';
export * from './rc-throttler.guard';
