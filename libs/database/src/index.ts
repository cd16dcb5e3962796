export * from './random-id';
export * from './database.module';
export * from './repository';
export * from './settled-within';
