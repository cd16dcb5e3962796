export * from './file-storage';
export * from './gridfs-storage';
export * from './fs-storage';
export * from './storage.module';
