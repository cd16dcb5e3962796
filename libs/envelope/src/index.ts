export * from './rc-error';
export * from './http-failure';
export * from './envelope.filter';
export * from './envelope.interceptor';
export * from './error-types';
