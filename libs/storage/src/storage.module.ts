import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ENV, SharedEnv } from '@app/config';
import { FileStorage } from './file-storage';
import { FileSystemStorage } from './fs-storage';
import { GridFsStorage } from './gridfs-storage';

@Injectable()
class StorageLifecycle implements OnApplicationShutdown {
  constructor(@Inject(FileStorage) private readonly storage: FileStorage) {}

  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}

/** `FileStorage` as `FILE_STORAGE` says: `GridFS` (default, on MONGO_URL) or `FileSystem` (FILE_STORAGE_PATH). */
@Global()
@Module({
  providers: [
    {
      provide: FileStorage,
      inject: [APP_ENV],
      useFactory: (env: SharedEnv) =>
        env.FILE_STORAGE === 'FileSystem'
          ? new FileSystemStorage(env.FILE_STORAGE_PATH || join(tmpdir(), 'rc-files'))
          : new GridFsStorage(env.MONGO_URL),
    },
    StorageLifecycle,
  ],
  exports: [FileStorage],
})
export class StorageModule {}
