export { Type, type Static, type TProperties, type TSchema } from '@sinclair/typebox';
export * from './ajv';
export * from './decorators';
export * from './schemas';
