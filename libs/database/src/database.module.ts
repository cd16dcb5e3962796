import { APP_ENV, SharedEnv } from '@app/config';
import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

/** One MongoDB connection per app (MONGO_URL), shared by the app's feature modules. */
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        MongooseModule.forRootAsync({
          inject: [APP_ENV],
          useFactory: (env: SharedEnv) => ({
            uri: env.MONGO_URL,
            autoIndex: true,
            serverSelectionTimeoutMS: 5000,
            maxPoolSize: 20,
          }),
        }),
      ],
      exports: [MongooseModule],
    };
  }
}
