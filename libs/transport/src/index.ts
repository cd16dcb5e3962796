export * from './keys';
export * from './streams.context';
export * from './redis-streams.server';
export * from './redis-streams.client';
export * from './rpc.client';
export * from './event-bus';
export * from './bootstrap';
export * from './transport.module';
