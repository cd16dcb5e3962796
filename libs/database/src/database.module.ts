import { APP_ENV, SharedEnv } from '@app/config';
import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import mongoose from 'mongoose';

// Mongoose formats a stack trace on every query it runs (`new Error().stack`), only to annotate the rare
// "Query was already executed" error; the per-query cost shows in profiles of the post path.
mongoose.set('skipOriginalStackTraces', true);

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
