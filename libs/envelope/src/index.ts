export * from './rc-error';
export * from './http-failure';
export * from './envelope.filter';
export * from './success-envelope';
export * from './error-types';
