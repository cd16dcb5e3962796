import 'reflect-metadata';
import { USERS_ROOMS_SERVICE } from '@app/contracts';
import { bootstrapService } from '@app/transport';
import { AppModule } from './app.module';

void bootstrapService(AppModule, USERS_ROOMS_SERVICE).catch((err) => {
  console.error(err);
  process.exit(1);
});
